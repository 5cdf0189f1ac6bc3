import { useMemo, useRef, useState } from 'react';
import { AlignmentSection } from '../../features/alignment/alignment-report';
import { PostLaunchSection } from '../../features/post-launch/post-launch-section';
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
  return (
    <main className="pv-page">
      <header className="pv-header">
        <h1>{t('Product vision')}</h1>
        <p className="pv-muted">
          {t('{key} · the vision, business goals and KPIs everyone in this project can read on its Product vision page.', { key: view.project.key })}
        </p>
      </header>

      {view.canEdit ? (
        <>
          <ReviewBanner review={view.review} people={people} canEdit />
          <section className="pv-section">
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
          <GoalsEditor book={view.goalBook} setBook={setGoalBook} people={people} candidates={candidates} />
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
              <GoalStatusGrid book={view.goalBook} people={people} highlights={view.highlights} cadenceDays={view.review?.cadenceDays} />
            ) : (
              <EmptyState title={t('No business goals yet')}>
                <p>{t('A project admin can add them here.')}</p>
              </EmptyState>
            )}
          </section>
        </>
      )}

      <AlignmentSection goals={view.goalBook.goals} highlight={view.highlights?.coverage} />

      <PostLaunchSection editable />

      {view.canEdit ? <TransferPanel projectKey={view.project.key} onImported={reload} /> : null}
    </main>
  );
}
