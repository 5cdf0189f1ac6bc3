/**
 * The alignment report's data, loaded only while the report is open: `alignment/report` and the first
 * page of `alignment/unaligned` when it opens, more pages on demand, the report again every few seconds
 * while a scan runs. Tying an epic to a goal updates the list and the headline here, without a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlignmentReport, ScanProgress, SetEpicGoalsResult, UnalignedEpic } from '../../../src/contract/alignment/alignment';
import type { AppError, Result } from '../../../src/contract/shared/result';
import { adjustCoverage } from './alignment-text';
import { call } from '../../shared/bridge';

export const POLL_MS = 3000;

export type ReportState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; report: AlignmentReport };

export type ListState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | {
      status: 'ready';
      epics: UnalignedEpic[];
      nextCursor: string | null;
      canEdit: boolean;
      more: { status: 'idle' | 'loading' } | { status: 'error'; error: AppError };
    };

export const isScanning = (scan: ScanProgress | null | undefined): boolean => scan?.state === 'running' || scan?.state === 'retrying';

export interface AlignmentData {
  report: ReportState;
  list: ListState;
  /** The last poll failed; polling stopped until `resumePolling`. */
  pollError: AppError | null;
  reload: () => void;
  reloadList: () => void;
  loadMore: () => void;
  resumePolling: () => void;
  rescan: () => Promise<Result<ScanProgress>>;
  /** Ties an epic of the list to a goal; the answer's `data` is the epic when it is still unaligned, else null. */
  setGoal: (epic: UnalignedEpic, goalId: string | null) => Promise<Result<UnalignedEpic | null>>;
  /** One goal on several epics of the list; epics now aligned leave it, refused ones stay (with their row as it is now). */
  setGoalMany: (epics: readonly UnalignedEpic[], goalId: string) => Promise<Result<SetEpicGoalsResult>>;
}

export function useAlignmentReport(open: boolean): AlignmentData {
  const [report, setReport] = useState<ReportState>({ status: 'idle' });
  const [list, setList] = useState<ListState>({ status: 'idle' });
  const [pollError, setPollError] = useState<AppError | null>(null);
  // Bumped whenever the report opens or closes, so answers that arrive after that are dropped.
  const generation = useRef(0);

  const loadReport = useCallback(() => {
    const g = generation.current;
    setReport({ status: 'loading' });
    setPollError(null);
    void call('alignment/report', {}).then((res) => {
      if (g === generation.current) setReport(res.ok ? { status: 'ready', report: res.data } : { status: 'error', error: res.error });
    });
  }, []);

  const loadList = useCallback(() => {
    const g = generation.current;
    setList({ status: 'loading' });
    void call('alignment/unaligned', {}).then((res) => {
      if (g !== generation.current) return;
      setList(
        res.ok
          ? { status: 'ready', epics: res.data.epics, nextCursor: res.data.nextCursor, canEdit: res.data.canEdit, more: { status: 'idle' } }
          : { status: 'error', error: res.error },
      );
    });
  }, []);

  useEffect(() => {
    generation.current += 1;
    if (open) {
      loadReport();
      loadList();
    } else {
      setReport({ status: 'idle' });
      setList({ status: 'idle' });
      setPollError(null);
    }
  }, [open, loadReport, loadList]);

  const loadMore = useCallback(() => {
    if (list.status !== 'ready' || !list.nextCursor || list.more.status === 'loading') return;
    const g = generation.current;
    const cursor = list.nextCursor;
    setList({ ...list, more: { status: 'loading' } });
    void call('alignment/unaligned', { cursor }).then((res) => {
      if (g !== generation.current) return;
      setList((l) => {
        if (l.status !== 'ready') return l;
        if (!res.ok) return { ...l, more: { status: 'error', error: res.error } };
        // Rows tied to a goal meanwhile can shift pages; never show an epic twice.
        const seen = new Set(l.epics.map((e) => e.key));
        const fresh = res.data.epics.filter((e) => !seen.has(e.key));
        return { ...l, epics: [...l.epics, ...fresh], nextCursor: res.data.nextCursor, canEdit: res.data.canEdit, more: { status: 'idle' } };
      });
    });
  }, [list]);

  // Poll the report while a scan runs and the report is open.
  const scanning = report.status === 'ready' && isScanning(report.report.scan);
  useEffect(() => {
    if (!open || !scanning || pollError) return;
    const g = generation.current;
    const timer = setTimeout(() => {
      void call('alignment/report', {}).then((res) => {
        if (g !== generation.current) return;
        if (res.ok) setReport({ status: 'ready', report: res.data });
        else setPollError(res.error);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [open, scanning, pollError, report]);

  const rescan = useCallback(async () => {
    const g = generation.current;
    const res = await call('alignment/rescan', {});
    if (g !== generation.current) return res;
    if (res.ok) {
      setPollError(null);
      setReport((r) => (r.status === 'ready' ? { status: 'ready', report: { ...r.report, scan: res.data } } : r));
    } else if (res.error.code !== 'FORBIDDEN') {
      // A refused start may still have changed the scan's state (e.g. one already running): show it.
      void call('alignment/report', {}).then((again) => {
        if (again.ok && g === generation.current) setReport({ status: 'ready', report: again.data });
      });
    }
    return res;
  }, []);

  const setGoal = useCallback(async (epic: UnalignedEpic, goalId: string | null) => {
    const g = generation.current;
    // The goal the row showed (a stale one's id, or none): a change by someone else since answers CONFLICT with the row as it is now.
    const res = await call('alignment/set-goal', { issueKey: epic.key, goalId, baseGoalId: epic.staleGoalId });
    if (g !== generation.current) return res;
    const conflict = !res.ok && res.error.code === 'CONFLICT' && res.error.details && typeof res.error.details === 'object' && 'current' in res.error.details;
    if (!res.ok && !conflict) return res;
    const now = res.ok ? res.data : ((res.error.details as { current: UnalignedEpic | null }).current);
    setList((l) => {
      if (l.status !== 'ready') return l;
      const epics = now ? l.epics.map((e) => (e.key === epic.key ? now : e)) : l.epics.filter((e) => e.key !== epic.key);
      return { ...l, epics };
    });
    if (!now) {
      setReport((r) => (r.status === 'ready' ? { status: 'ready', report: { ...r.report, headline: adjustCoverage(r.report.headline, 1) } } : r));
      // Then the server's figures (the stored tally): epics per goal and the trend's last point move with the headline.
      void call('alignment/report', {}).then((again) => {
        if (again.ok && g === generation.current) setReport({ status: 'ready', report: again.data });
      });
    }
    return res;
  }, []);

  const setGoalMany = useCallback(async (epics: readonly UnalignedEpic[], goalId: string) => {
    const g = generation.current;
    const res = await call('alignment/set-goal-many', { goalId, epics: epics.map((e) => ({ issueKey: e.key, baseGoalId: e.staleGoalId })) });
    if (g !== generation.current || !res.ok) return res;
    // Aligned now: set, already serving it, or changed by someone else to a goal that counts (row null).
    const gone = new Set(res.data.results.filter((r) => r.outcome === 'set' || r.outcome === 'already' || (r.outcome === 'conflict' && r.row === null)).map((r) => r.issueKey));
    const rows = new Map(res.data.results.flatMap((r) => (r.row ? [[r.issueKey, r.row] as const] : [])));
    setList((l) => (l.status !== 'ready' ? l : { ...l, epics: l.epics.filter((e) => !gone.has(e.key)).map((e) => rows.get(e.key) ?? e) }));
    if (gone.size > 0) {
      setReport((r) => (r.status === 'ready' ? { status: 'ready', report: { ...r.report, headline: adjustCoverage(r.report.headline, gone.size) } } : r));
      void call('alignment/report', {}).then((again) => {
        if (again.ok && g === generation.current) setReport({ status: 'ready', report: again.data });
      });
    }
    return res;
  }, []);

  return {
    report,
    setGoalMany,
    list,
    pollError,
    reload: loadReport,
    reloadList: loadList,
    loadMore,
    resumePolling: useCallback(() => setPollError(null), []),
    rescan,
    setGoal,
  };
}
