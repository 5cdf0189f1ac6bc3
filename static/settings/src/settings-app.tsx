import { useMemo, useRef, useState } from 'react';
import { AlignmentSection } from '../../features/alignment/alignment-report';
import { FeedbackCadenceSection } from '../../features/feedback/feedback-cadence';
import { PostLaunchSection } from '../../features/post-launch/post-launch-section';
import { FeedbackIntake } from '../../features/post-launch/feedback-intake-section';
import { indexPeople } from '../../shared/format';
import { EmptyState, ErrorState, Loading } from '../../shared/states';
import { Message } from '../../shared/ui';
import { useProjectView } from '../../features/project/use-project-view';
import { GoalStatusGrid, PublishedVisionView, ReviewBanner } from '../../features/vision/published-vision';
import { GoalsEditor } from '../../features/goals/goals-editor';
import { usePeople } from '../../shared/use-people';
import { VisionForm, type PendingEdits } from '../../features/vision/vision-form';
import { PublishPanel } from '../../features/vision/publish-panel';
import { ReaderView } from '../../features/vision/reader-view';
import { VersionHistory } from '../../features/vision/version-history';
import { VisionHistory } from '../../features/vision/vision-history';
import { TransferPanel } from '../../features/transfer/transfer-panel';
import { GuidedStartCard, type StarterProps } from '../../features/guided-start/guided-start';
import { refreshGuidedStart } from '../../../src/domain/guided-start/guided-start';
import { call } from '../../shared/bridge';
import { t } from '../../shared/i18n';

export function SettingsApp() {
  const { state, reload, setVision, setGoalBook, setPublished, addPeople } = useProjectView();
  /** A restored draft replaces what the form holds: remount it. */
  const [restores, setRestores] = useState(0);
  /** The vision form's unsaved edits, which publishing saves first. */
  const pending = useRef<PendingEdits | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const candidates = usePeople(addPeople);
  const people = useMemo(() => indexPeople(state.status === 'ready' ? state.data.people : []), [state]);

  if (state.status === 'loading') return <Loading label={t('Loading the product vision…')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  const { data: view } = state;
  // The steps this page changes (goals, the published vision) follow its edits: the score moves at once.
  const guided = view.guidedStart
    ? refreshGuidedStart(view.guidedStart, { goals: view.goalBook.goals, kpis: view.goalBook.kpis, review: view.review ? { dueOn: view.review.dueOn, overdue: view.review.overdue } : null })
    : null;
  // A project with nothing yet: the elevator-pitch template and example KPIs, each one click.
  const starter: StarterProps | undefined =
    view.canEdit && (!view.vision || view.goalBook.goals.length === 0)
      ? {
          visionRevision: view.vision?.revision ?? 0,
          hasVision: !!view.vision,
          goalBookRevision: view.goalBook.revision,
          onAdoptVision: async (statement, baseRevision) => {
            const r = await call('vision/save', { statement, targetUsers: '', problem: '', valueProposition: '', horizon: '', baseRevision });
            if (!r.ok) return r.error;
            setVision(r.data);
            setRestores((n) => n + 1);
            return null;
          },
          onAdoptExample: async (example, baseRevision) => {
            const r = await call('guided/adopt-example', { exampleId: example.id, baseRevision });
            if (!r.ok) return r.error;
            setGoalBook(r.data);
            return null;
          },
        }
      : undefined;
  return (
    <main className="pv-page">
      <header className="pv-header">
        <h1>{t('Product vision')}</h1>
        <p className="pv-muted">
          {t('{key} · the vision, business goals and KPIs everyone in this project can read on its Product vision page.', { key: view.project.key })}
        </p>
      </header>

      {guided ? <GuidedStartCard guided={guided} surface="settings" starter={starter} /> : null}

      {view.canEdit ? (
        <>
          <ReviewBanner review={view.review} people={people} canEdit />
          <section className="pv-section" id="pv-step-vision">
            <VisionForm key={restores} vision={view.vision} people={people} candidates={candidates} onChanged={setVision} pending={pending} onDirty={setUnsaved} />
            <PublishPanel
              draft={view.vision}
              published={view.published ?? null}
              people={people}
              unsaved={unsaved}
              saveFirst={() => pending.current?.save() ?? Promise.resolve(null)}
              onPublished={setPublished}
            />
            <ReaderView version={view.published?.version ?? 0} />
            <VersionHistory
              canEdit
              draft={view.vision}
              latestVersion={view.published?.version ?? 0}
              people={people}
              onRestored={(d) => {
                setVision(d);
                setRestores((n) => n + 1);
              }}
            />
            <VisionHistory latestRevision={view.vision?.revision ?? 0} people={people} />
          </section>
          <div id="pv-step-goals">
            <GoalsEditor book={view.goalBook} setBook={setGoalBook} people={people} candidates={candidates} projectId={view.project.id} />
          </div>
        </>
      ) : (
        <>
          <Message kind="info">
            <p>{t('Only project admins can edit the vision.')}</p>
          </Message>
          <ReviewBanner review={view.review} people={people} />
          <section className="pv-section" aria-label={t('Vision')}>
            {view.published ? (
              <PublishedVisionView published={view.published} people={people} />
            ) : (
              <EmptyState title={t('No vision published yet')}>
                <p>{t('A project admin can write and publish it here.')}</p>
              </EmptyState>
            )}
            {view.published ? <VersionHistory canEdit={false} draft={null} latestVersion={view.published.version} people={people} onRestored={() => undefined} /> : null}
          </section>
          <section className="pv-section" aria-labelledby="goals-title">
            <h2 id="goals-title">{t('Business goals')}</h2>
            {view.goalBook.goals.length > 0 ? (
              <GoalStatusGrid book={view.goalBook} people={people} highlights={view.highlights} cadenceDays={view.review?.cadenceDays} projectId={view.project.id} />
            ) : (
              <EmptyState title={t('No business goals yet')}>
                <p>{t('A project admin can add them here.')}</p>
              </EmptyState>
            )}
          </section>
        </>
      )}

      <div id="pv-step-alignment">
        <AlignmentSection goals={view.goalBook.goals} highlight={view.highlights?.coverage} />
      </div>

      <div id="pv-step-iterations">
        <PostLaunchSection editable />
      </div>

      <FeedbackCadenceSection cadence={view.highlights?.feedback} canEdit={view.canEdit} />

      {view.canEdit ? <FeedbackIntake /> : null}

      {view.canEdit ? <TransferPanel projectKey={view.project.key} onImported={reload} /> : null}
    </main>
  );
}
