/**
 * `export/project`: one part of the export of the caller's project (admins only). The part walks the
 * project's stored keys (`project:{id}:`, query pages of 20, in no particular order) and turns each into a record
 * of the export by what its key says (`classify`), rather than through every feature's reader; it stops
 * after a bounded amount of work (pages, bytes, time) and answers a cursor for the next part. The UI
 * adds the parts up (`assembleExport`) into one file.
 *
 * Bounds per invocation (a resolver has 25 s; the answer stays well under the bridge's size limit):
 * at most 400 query pages (8,000 keys), about 1 MB of records, or 12 s.
 */
import { sourcesForViewer } from '../post-launch/kpi-source-scope';
import { ok, type Result } from '../../contract';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportItems, type ExportPart } from '../../contract/transfer/transfer-file';
import type { Baseline, KpiSource } from '../../contract/post-launch/post-launch';
import { legacyPublished } from '../../domain/vision/vision-publishing';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readStored } from '../../storage/documents';
import {
  decisionRecord,
  draftRecord,
  feedbackRecord,
  goalBookRecord,
  launchBookRecord,
  measurementRecord,
  snapshotRecord,
  sourceRecords,
  trendRecord,
  versionRecord,
} from './records';
import { transferKeys } from '../../storage/transfer-keys';
import { hasPublishedVersion, readProjectPage } from '../../storage/project-records';

export const EXPORT_BUDGET = { pages: 400, bytes: 1_000_000, ms: 12_000 };

type Rule = { pattern: RegExp; kind: keyof ExportItems | 'baselines' | 'skip' };

/**
 * What each stored key of a project is, by the part after `project:{id}:`. `skip`: a cache or a copy the
 * import rebuilds (or a short-lived claim), so it is not in the file. A key no rule knows is counted as
 * `unknown` in the answer (a test keeps that at zero for every kind of record the app writes).
 */
export const KEY_RULES: Rule[] = [
  { pattern: /^vision$/, kind: 'draft' },
  { pattern: /^vision-rev:\d{10}$/, kind: 'draftRevisions' },
  { pattern: /^vision-pub:\d{10}$/, kind: 'versions' },
  { pattern: /^vision-latest$/, kind: 'skip' }, // a copy of the newest versions, rebuilt by the import
  { pattern: /^goals$/, kind: 'goalBook' },
  { pattern: /^goals-rev:\d{10}$/, kind: 'skip' }, // copies kept a month for conflict recovery
  { pattern: /^launches$/, kind: 'launchBook' },
  { pattern: /^launches-rev:\d{10}$/, kind: 'skip' },
  { pattern: /^launch:[^:]+:digest$/, kind: 'baselines' }, // only the captured baselines; the rest is derived
  { pattern: /^kpi:[^:]+:day:\d{4}-\d{2}-\d{2}:rev:\d{10}$/, kind: 'measurements' },
  { pattern: /^kpi:[^:]+:day:\d{4}-\d{2}-\d{2}$/, kind: 'skip' }, // the day's current revision: its newest revision key
  // Yearly buckets are derived from the measurements, all but the changes of source they record.
  { pattern: /^kpi:[^:]+:year:\d+$/, kind: 'sourceSwitches' },
  { pattern: /^kpi-latest$/, kind: 'skip' },
  { pattern: /^kpi-repair:[^:]+:\d{4}-\d{2}-\d{2}:\d+$/, kind: 'skip' }, // a measurement write under way (storage/repair-notes.ts)
  { pattern: /^kpi-sources$/, kind: 'kpiSources' },
  { pattern: /^feedback:[^:]+$/, kind: 'feedback' },
  { pattern: /^feedback-(iteration|kpi|goal):[^:]+:[^:]+$/, kind: 'skip' }, // index copies
  { pattern: /^feedback-untriaged:[^:]+$/, kind: 'skip' }, // index copies (rebuilt from the item's flag)
  // The newest feedback dates are rebuilt from the items on first read; the cadence setting is not carried yet.
  { pattern: /^feedback-cadence$/, kind: 'skip' },
  // Feedback sources name this site's projects in their JQL, and their fetch state and claims are this
  // site's: they stay with it (the items they brought in travel, with their issue keys).
  { pattern: /^(intake-sources|intake:[^:]+:(state|step:[^:]+:\d+|issue:\d+))$/, kind: 'skip' },
  { pattern: /^decision:[^:]+:[^:]+$/, kind: 'decisions' },
  // Claims on making a decision's Jira issue: the issue stays with this site.
  { pattern: /^decision-issue:[^:]+(:after:[^:]+)?$/, kind: 'skip' },
  { pattern: /^snapshot:\d{8}$/, kind: 'snapshots' },
  { pattern: /^trend$/, kind: 'trend' },
  { pattern: /^(epic-types|scan|scan-step:.*|scan:aligned:.*|perm:.*)$/, kind: 'skip' },
  // Epics per goal counts the issue properties of this site's epics, which stay with the site: the
  // importing site's next full pass counts its own. The refresh markers (macro figures, portfolio row) live minutes.
  { pattern: /^(alignment-tally|figures-pending|portfolio-pending)$/, kind: 'skip' },
  // Who of this site has seen the vision (guided start) says nothing about the importing site.
  { pattern: /^vision-shared$/, kind: 'skip' },
];

export const classify = (suffix: string): Rule['kind'] | 'unknown' => KEY_RULES.find((r) => r.pattern.test(suffix))?.kind ?? 'unknown';

const push = <K extends keyof ExportItems>(items: ExportItems, k: K, record: NonNullable<ExportItems[K]> extends Array<infer R> ? R : never) => {
  ((items[k] ??= [] as never) as unknown[]).push(record);
};

export async function exportProject(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<ExportPart>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const prefix = transferKeys.project(project.id);
  const started = deps.clock.now().getTime();
  const items: ExportItems = {};
  const progress = { keys: 0, records: 0, unknown: 0 };
  let bytes = 0;
  let pages = 0;
  let cursor = input.cursor || undefined;

  const add = (record: unknown) => {
    progress.records += 1;
    bytes += JSON.stringify(record).length;
  };

  do {
    // Every key once, in whatever order the store hands them out: each is classified on its own.
    const page = await readProjectPage(deps, project.id, cursor);
    pages += 1;
    for (const { key, value } of page.results) {
      if (!key.startsWith(prefix) || value === null || value === undefined) continue;
      progress.keys += 1;
      const suffix = key.slice(prefix.length);
      const kind = classify(suffix);
      switch (kind) {
        case 'skip':
          break;
        case 'unknown':
          progress.unknown += 1;
          break;
        case 'draft': {
          items.draft = draftRecord(value);
          add(items.draft);
          // A vision saved before publishing existed, never published since, reads as published version 1.
          if (readStored('vision', value).from < 2) {
            if (!(await hasPublishedVersion(deps, project.id))) push(items, 'versions', versionRecord(legacyPublished(value as never)));
          }
          break;
        }
        case 'draftRevisions':
          push(items, kind, draftRecord(value));
          add(value);
          break;
        case 'versions':
          push(items, kind, versionRecord(value));
          add(value);
          break;
        case 'goalBook':
          items.goalBook = goalBookRecord(value);
          add(items.goalBook);
          break;
        case 'launchBook':
          items.launchBook = launchBookRecord(value);
          add(items.launchBook);
          break;
        case 'kpiSources': {
          // A JQL spanning projects this admin may not browse is exported without its query (it is then measured by hand once imported).
          const stored = Object.values((value as { sources?: Record<string, KpiSource> }).sources ?? {});
          const shown = new Map((await sourcesForViewer(deps, stored)).map((s) => [s.kpiId, s]));
          for (const s of sourceRecords(value)) {
            const seen = shown.get(s.kpiId);
            push(items, kind, seen?.hidden ? { ...s, jql: '', lastRun: seen.lastRun } : s);
          }
          add(value);
          break;
        }
        case 'baselines': {
          const launchId = suffix.split(':')[1]!;
          const baselines = ((value as { baselines?: Record<string, Baseline> }).baselines ?? {}) as Record<string, Baseline>;
          for (const [kpiId, b] of Object.entries(baselines))
            push(items, 'launchBaselines', { launchId, kpiId, value: b.value, date: b.date ?? null, from: b.from });
          add(baselines);
          break;
        }
        case 'sourceSwitches': {
          const b = value as { kpiId: string; year: number; sw?: Record<string, 'manual' | 'jql'> };
          const found = Object.entries(b.sw ?? {}).map(([md, to]) => ({ kpiId: b.kpiId, date: `${b.year}-${md}`, to }));
          for (const s of found) push(items, kind, s);
          if (found.length) add(found);
          break;
        }
        case 'measurements':
          push(items, kind, measurementRecord(value as never));
          add(value);
          break;
        case 'feedback':
          push(items, kind, feedbackRecord(value as never));
          add(value);
          break;
        case 'decisions':
          push(items, kind, decisionRecord(value as never));
          add(value);
          break;
        case 'snapshots':
          push(items, kind, snapshotRecord(value as never));
          add(value);
          break;
        case 'trend':
          items.trend = trendRecord(value as never);
          add(items.trend);
          break;
      }
    }
    cursor = page.nextCursor;
  } while (cursor && pages < EXPORT_BUDGET.pages && bytes < EXPORT_BUDGET.bytes && deps.clock.now().getTime() - started < EXPORT_BUDGET.ms);

  return ok({
    header: {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: deps.clock.now().toISOString(),
      source: { projectKey: project.key, projectId: project.id },
    },
    items,
    cursor: cursor ?? null,
    progress,
  });
}
