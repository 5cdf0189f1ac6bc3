// Per-file mutation scores from Stryker's JSON report, and a failing exit when any mutated file is
// under the bar: Stryker's own `thresholds.break` judges only the total, which a strong file can carry.
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const BAR = 85;

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const rows = Object.entries(report.files).map(([file, { mutants }]) => {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return { file, mutants: mutants.length, killed, survived, noCoverage, timeout, score: valid ? (100 * detected) / valid : 100 };
});

console.log(`\nMutation score per file (bar ${BAR}%):`);
console.table(rows.map((r) => ({ ...r, score: `${r.score.toFixed(1)}%` })));
const under = rows.filter((r) => r.score < BAR);
if (under.length) {
  console.error(`Under ${BAR}%: ${under.map((r) => r.file).join(', ')}`);
  process.exit(1);
}
