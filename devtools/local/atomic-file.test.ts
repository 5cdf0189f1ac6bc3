/**
 * Files the preview keeps are replaced atomically: a write stopped before its rename (an error, or the
 * process killed outright) leaves the old file whole and readable; a finished write leaves the new one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-file';

const TSX = resolve(__dirname, '../../node_modules/.bin/tsx');
const MODULE = resolve(__dirname, 'atomic-file.ts');

/** Runs writeFileAtomic in a child process that is killed (SIGKILL) at `when`. */
function writeInKilledProcess(file: string, text: string, when: 'before rename' | 'after rename') {
  const code = `
    const { writeFileAtomic } = require(${JSON.stringify(MODULE)});
    const kill = () => process.kill(process.pid, 'SIGKILL');
    writeFileAtomic(process.env.FILE, require('node:fs').readFileSync(0, 'utf8'), ${when === 'before rename' ? '{ beforeRename: kill }' : '{}'});
    ${when === 'after rename' ? 'kill();' : ''}
  `;
  return spawnSync(TSX, ['-e', code], { env: { ...process.env, FILE: file }, input: text, encoding: 'utf8' });
}

/** tsx runs the code in a child of its own and passes its death on as exit status 128 + 9. */
const killedBySigkill = (r: ReturnType<typeof spawnSync>) => r.signal === 'SIGKILL' || r.status === 137;

describe('writeFileAtomic', () => {
  let dir: string;
  let file: string;
  const old = JSON.stringify({ 'PV-1': { goal: 'id-1' } }, null, 1);
  const next = JSON.stringify({ 'PV-1': { goal: 'id-2' }, 'PV-2': { goal: 'x'.repeat(200_000) } }, null, 1);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pv-atomic-'));
    file = join(dir, 'jira-issue-properties.json');
    writeFileSync(file, old);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file', () => {
    writeFileAtomic(file, next);
    expect(readFileSync(file, 'utf8')).toBe(next);
    expect(readdirSync(dir)).toEqual(['jira-issue-properties.json']);
  });

  it('creates a file that did not exist', () => {
    writeFileAtomic(join(dir, 'new.json'), '{}');
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe('{}');
  });

  it('a write that fails before the rename leaves the old file intact, and cleans up after itself', () => {
    expect(() =>
      writeFileAtomic(file, next, {
        beforeRename: (temp) => {
          // The new content is complete in the temporary file, beside the target, before the rename.
          expect(temp.startsWith(dir)).toBe(true);
          expect(readFileSync(temp, 'utf8')).toBe(next);
          throw new Error('disk went away');
        },
      }),
    ).toThrow('disk went away');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(old));
    expect(readdirSync(dir)).toEqual(['jira-issue-properties.json']);
  });

  it('a process killed before the rename leaves the old file intact and readable; the next write replaces it', () => {
    const killed = writeInKilledProcess(file, next, 'before rename');
    expect(killedBySigkill(killed)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(old));
    // The killed writer's temporary file stays (nothing ran after the kill), under a name no reader opens.
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^\.jira-issue-properties\.json\.\d+\.\d+\.tmp$/), 'jira-issue-properties.json']);
    writeFileAtomic(file, next);
    expect(readFileSync(file, 'utf8')).toBe(next);
  });

  it('a process killed right after the rename leaves the new file whole', () => {
    const killed = writeInKilledProcess(file, next, 'after rename');
    expect(killedBySigkill(killed)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(next);
    expect(readdirSync(dir)).toEqual(['jira-issue-properties.json']);
  });
});
