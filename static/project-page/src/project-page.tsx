import { useMemo } from 'react';
import { AlignmentSection } from '../../features/alignment/alignment-report';
import { FeedbackSection } from '../../features/feedback/feedback-section';
import { PostLaunchSection } from '../../features/post-launch/post-launch-section';
import { indexPeople, counted } from '../../shared/format';
import { EmptyState, ErrorState, Loading } from '../../shared/states';
import { useProjectView } from '../../features/project/use-project-view';
import { AtAGlance, GoalStatusGrid, PublishedVisionView, ReviewBanner } from '../../features/vision/published-vision';
import { GuidedStartCard } from '../../features/guided-start/guided-start';
import { t } from '../../shared/i18n';

export function ProjectPage() {
  const { state, reload } = useProjectView();
  const people = useMemo(() => indexPeople(state.status === 'ready' ? state.data.people : []), [state]);

  if (state.status === 'loading') return <Loading label={t('Loading the product vision…')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  // Everyone reads the published vision here, admins too (their draft is in Project settings).
  const { published, review, highlights, goalBook, project, canEdit } = state.data;
  const where = canEdit
    ? t('You can write and publish it in Project settings → Product vision.')
    : t('A project admin can write and publish it in Project settings → Product vision.');

  if (!published && goalBook.goals.length === 0) {
    return (
      <main className="pv-page">
        <header className="pv-header">
          <h1>{t('Product vision')}</h1>
          <p className="pv-muted">{project.key}</p>
        </header>
        <EmptyState title={t('No product vision yet')}>
          <p>{t('This project has no vision, goals or KPIs yet. {where}', { where })}</p>
        </EmptyState>
        {state.data.guidedStart ? <GuidedStartCard guided={state.data.guidedStart} surface="project" /> : null}
        <AlignmentSection goals={goalBook.goals} highlight={state.data.highlights?.coverage} />
        <FeedbackSection book={goalBook} people={people} cadence={highlights?.feedback} />
      </main>
    );
  }

  const active = goalBook.goals.filter((g) => g.status === 'active').length;
  return (
    <main className="pv-page">
      <header className="pv-header">
        <h1>{t('Product vision')}</h1>
        <p className="pv-muted">
          {project.key} ·{' '}
          {goalBook.goals.length > 0
            ? t('{goals}, {active} active', { goals: counted(goalBook.goals.length, t('{n} business goal'), t('{n} business goals')), active })
            : counted(0, t('{n} business goal'), t('{n} business goals'))}
        </p>
      </header>

      {/* One minute: the state of things first; other features add tiles through `highlights` (project-highlights.ts). */}
      <AtAGlance published={published} review={review} book={goalBook} highlights={highlights} />
      <ReviewBanner review={review} people={people} canEdit={canEdit} />

      <section className="pv-section" aria-label={t('Vision')}>
        {published ? (
          <PublishedVisionView published={published} people={people} />
        ) : (
          <EmptyState title={t('No vision published yet')}>
            <p>{where}</p>
          </EmptyState>
        )}
      </section>

      <section className="pv-section" aria-labelledby="goals-title">
        <h2 id="goals-title">{t('Business goals')}</h2>
        {goalBook.goals.length > 0 ? (
          <GoalStatusGrid book={goalBook} people={people} highlights={highlights} cadenceDays={review?.cadenceDays} projectId={project.id} />
        ) : (
          <EmptyState title={t('No business goals yet')}>
            <p>{where}</p>
          </EmptyState>
        )}
      </section>

      {state.data.guidedStart ? <GuidedStartCard guided={state.data.guidedStart} surface="project" /> : null}

      <div id="pv-step-alignment">
        <AlignmentSection goals={goalBook.goals} highlight={state.data.highlights?.coverage} />
      </div>

      <FeedbackSection book={goalBook} people={people} cadence={highlights?.feedback} />

      <PostLaunchSection editable={false} />
    </main>
  );
}
