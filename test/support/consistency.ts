/**
 * Consistency of everything one project stores, checked from the raw keys (not through the app's own
 * readers): what the fault-injection tests assert after a write stopped half-way, and again after the
 * next write. Answers the problems found (empty: consistent).
 *
 * - Revisioned documents (vision draft, goal book, launch book; each day's measurement): the current
 *   key holds the newest claimed revision.
 * - `lenient`: what a write that stopped half-way may leave until the next write to the same thing (or,
 *   for a digest, the next read): a claimed revision not yet copied to the current key (the claim is the
 *   truth; the next write rolls it forward); one day's chart data (bucket, latest value, digest figures)
 *   not yet brought in step with its item (the retry, or the next write to that day, does it); a digest
 *   computed for the iteration windows before a change (readers rebuild it); a deleted launch's digest
 *   (never read; the retry removes it). Never: an index copy pointing at nothing, an item missing a copy,
 *   a count that disagrees with the items, a published version with a gap, a summary naming a version
 *   that does not exist.
 * - Published versions: numbered 1…N without gaps, each complete; the summary in Jira names a version
 *   that exists, and (strict) the newest.
 * - Measurements ↔ yearly buckets ↔ latest values ↔ launch digests: every live day's value is in its
 *   bucket with the same value and flags, no bucket day lacks its item, each KPI's latest value is its
 *   newest day, each digest's iteration figures are what the buckets give.
 * - Feedback: every index copy points at an item, every item has all its copies; the digests' feedback
 *   and decision counts are the items'.
 * - Digests: one per launch in the book (and none for a launch that is not, in strict mode).
 * - Indexes: a project with a vision or goals is in the registry; one with automatic KPIs in their index.
 */
import { SUMMARY_PROPERTY, type Feedback, type GoalBook, type LaunchBook, type MeasurementItem, type PublishedVision } from '../../src/contract';
import type { JiraSite } from '../../devtools/simulated-jira/site';
import { bucketPoints, FLAG_JQL, FLAG_NOTE, outlierFlags, seriesOf, switchesOf, type YearBucket } from '../../src/domain/post-launch/kpi-series';
import { emptyCounts, kpiWindows, windowsSignature, type LaunchDigest } from '../../src/domain/post-launch/launch-digest';

export interface Entry {
  key: string;
  value: unknown;
}

const NEWEST_FIRST = (n: string) => 9_999_999_999 - Number(n);

export function consistencyProblems(
  entries: readonly Entry[],
  options: { projectId?: string; site?: JiraSite; lenient?: boolean } = {},
): string[] {
  const p = options.projectId ?? '10000';
  const lenient = options.lenient ?? false;
  const problems: string[] = [];
  const map = new Map(entries.map((e) => [e.key, e.value]));
  const get = <T>(key: string) => map.get(key) as T | undefined;
  const under = (prefix: string) => entries.filter((e) => e.key.startsWith(prefix));
  const base = `project:${p}:`;

  /* ---------- revisioned documents ---------- */
  const revisioned = (what: string, current: string, revPrefix: string) => {
    const doc = get<{ revision: number }>(current);
    const claimed = under(revPrefix).map((e) => ({ n: NEWEST_FIRST(e.key.slice(revPrefix.length)), v: e.value as { revision: number } }));
    const newest = claimed.reduce((m, c) => Math.max(m, c.n), 0);
    for (const c of claimed) if (c.v.revision !== c.n) problems.push(`${what}: revision key ${c.n} holds revision ${c.v.revision}`);
    const at = doc?.revision ?? 0;
    if (newest > at && !(lenient && newest === at + 1)) problems.push(`${what}: current is revision ${at} but revision ${newest} was claimed`);
    if (at > newest && claimed.length > 0) problems.push(`${what}: current revision ${at} was never claimed`);
  };
  revisioned('vision draft', `${base}vision`, `${base}vision-rev:`);
  revisioned('goal book', `${base}goals`, `${base}goals-rev:`);
  revisioned('launch book', `${base}launches`, `${base}launches-rev:`);

  /* ---------- published versions and the summary in Jira ---------- */
  const versions = under(`${base}vision-pub:`).map((e) => e.value as PublishedVision);
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push(`published versions: ${numbers.join(',')} has a gap`);
  });
  for (const v of versions) if (!v.statement || !v.publishedBy || !v.publishedAt) problems.push(`published version ${v.version} is incomplete`);
  if (options.site) {
    const project = options.site.projects.find((x) => x.id === p);
    const summary = project?.properties.get(SUMMARY_PROPERTY) as { version?: number } | undefined;
    const newest = numbers[numbers.length - 1] ?? 0;
    if (summary && !numbers.includes(summary.version ?? -1)) problems.push(`the summary in Jira names version ${summary.version}, which was never published`);
    if (!lenient && newest > 0 && summary?.version !== newest) problems.push(`the summary in Jira shows version ${summary?.version ?? 'none'}, the newest is ${newest}`);
  }

  /* ---------- measurements, buckets, latest values ---------- */
  const items = entries.filter((e) => /^project:\d+:kpi:[^:]+:day:\d{4}-\d{2}-\d{2}$/.test(e.key)).map((e) => e.value as MeasurementItem);
  const buckets = under(`${base}kpi:`).filter((e) => /:year:\d{4}$/.test(e.key)).map((e) => e.value as YearBucket);
  const derived = (problem: string) => {
    if (!lenient) problems.push(problem);
  };
  for (const item of items) {
    revisioned(`measurement ${item.kpiId} ${item.date}`, `${base}kpi:${item.kpiId}:day:${item.date}`, `${base}kpi:${item.kpiId}:day:${item.date}:rev:`);
    const bucket = buckets.find((b) => b.kpiId === item.kpiId && b.year === Number(item.date.slice(0, 4)));
    const entry = bucket?.days[item.date.slice(5)];
    if (item.value === null) {
      if (entry) derived(`bucket of ${item.kpiId} still has ${item.date}, whose value was deleted`);
      continue;
    }
    const flags = (item.source === 'jql' ? FLAG_JQL : 0) | (item.note ? FLAG_NOTE : 0) | outlierFlags(item.outlier);
    if (!entry) derived(`bucket of ${item.kpiId} lacks ${item.date} (${item.value})`);
    else if (entry[0] !== item.value || entry[1] !== flags) derived(`bucket of ${item.kpiId} has ${entry.join('/')} on ${item.date}, the item ${item.value}/${flags}`);
  }
  for (const b of buckets)
    for (const point of bucketPoints(b)) {
      const item = items.find((m) => m.kpiId === b.kpiId && m.date === point.date);
      if (!item || item.value === null) derived(`bucket of ${b.kpiId} has ${point.date}, which has no value`);
    }
  const latest = get<{ values: Record<string, { date: string; value: number }> }>(`${base}kpi-latest`)?.values ?? {};
  const kpiIds = new Set([...buckets.map((b) => b.kpiId), ...Object.keys(latest)]);
  for (const kpiId of kpiIds) {
    // The latest value is the newest day, an unconfirmed outlier too (verdicts skip it, the status does not).
    const series = buckets
      .filter((b) => b.kpiId === kpiId)
      .sort((a, b) => a.year - b.year)
      .flatMap((b) => bucketPoints(b).map(({ date, value }) => ({ date, value })));
    const last = series[series.length - 1] ?? null;
    const have = latest[kpiId] ?? null;
    if (JSON.stringify(have) !== JSON.stringify(last)) derived(`latest value of ${kpiId} is ${JSON.stringify(have)}, its newest day ${JSON.stringify(last)}`);
  }

  /* ---------- feedback and its index copies ---------- */
  const feedback = entries.filter((e) => e.key.startsWith(`${base}feedback:`)).map((e) => e.value as Feedback);
  const copies = entries.filter((e) => /^project:\d+:feedback-(iteration|kpi|goal):/.test(e.key));
  for (const c of copies) {
    const id = c.key.slice(c.key.lastIndexOf(':') + 1);
    if (!map.has(`${base}feedback:${id}`)) problems.push(`index copy ${c.key} points at no feedback`);
  }
  for (const f of feedback) {
    const want = [
      ...(f.iterationId ? [`${base}feedback-iteration:${f.iterationId}:${f.id}`] : []),
      ...(f.kpiId ? [`${base}feedback-kpi:${f.kpiId}:${f.id}`] : []),
      ...(f.goalId ? [`${base}feedback-goal:${f.goalId}:${f.id}`] : []),
    ];
    for (const key of want) if (!map.has(key)) problems.push(`feedback ${f.id} lacks its copy ${key}`);
  }
  const decisions = entries.filter((e) => e.key.startsWith(`${base}decision:`)).map((e) => e.value as { iterationId: string });

  /* ---------- launch digests ---------- */
  const book = get<LaunchBook>(`${base}launches`);
  const goals = get<GoalBook>(`${base}goals`);
  const launches = book?.launches ?? [];
  for (const e of under(`${base}launch:`).filter((x) => x.key.endsWith(':digest'))) {
    const launchId = e.key.slice(`${base}launch:`.length, -':digest'.length);
    // Lenient: a launch delete that stopped after the book was committed leaves its digest (never read;
    // the retry removes it). A launch recorded but not yet rolled into the current book keeps its digest too.
    if (!launches.some((l) => l.id === launchId) && !lenient) problems.push(`digest of launch ${launchId}, which is not in the launch book`);
  }
  for (const launch of launches) {
    const digest = get<LaunchDigest>(`${base}launch:${launch.id}:digest`);
    if (!digest) {
      problems.push(`launch ${launch.id} has no digest`);
      continue;
    }
    if (digest.sig !== windowsSignature(launch)) {
      // Computed for other windows: an iteration change stopped before its rebuild; readers rebuild it.
      if (!lenient) problems.push(`digest of ${launch.id} is for other iteration windows`);
      continue;
    }
    for (const kpi of goals?.kpis ?? []) {
      const own = buckets.filter((b) => b.kpiId === kpi.id);
      const want = kpiWindows(launch, seriesOf(own), switchesOf(own));
      const have = digest.kpis[kpi.id] ?? kpiWindows(launch, []);
      if (JSON.stringify(have) !== JSON.stringify(want)) derived(`digest of ${launch.id}: figures of ${kpi.id} are not the measurements'`);
    }
    for (const it of launch.iterations) {
      const counts = emptyCounts();
      for (const f of feedback) if (f.iterationId === it.id) counts[f.sentiment] += 1;
      const have = { ...emptyCounts(), ...(digest.feedback[it.id] ?? {}) };
      if (JSON.stringify(have) !== JSON.stringify(counts)) problems.push(`digest of ${launch.id}: feedback of ${it.id} counted ${JSON.stringify(have)}, stored ${JSON.stringify(counts)}`);
      const decided = decisions.filter((d) => d.iterationId === it.id).length;
      if ((digest.decisions[it.id] ?? 0) !== decided) problems.push(`digest of ${launch.id}: ${digest.decisions[it.id] ?? 0} decisions counted for ${it.id}, ${decided} stored`);
    }
  }

  /* ---------- indexes ---------- */
  if ((map.has(`${base}goals`) || map.has(`${base}vision`)) && !map.has(`registry:project:${p}`)) problems.push('the project has data but is not in the registry');
  const sources = get<{ sources: Record<string, unknown> }>(`${base}kpi-sources`)?.sources ?? {};
  if (Object.keys(sources).length > 0 && !map.has(`jql-kpi-project:${p}`)) problems.push('automatic KPIs that the daily measurement cannot find');

  return [...new Set(problems)];
}
