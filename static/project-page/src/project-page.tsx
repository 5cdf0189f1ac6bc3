import { useMemo } from 'react';
import { indexPeople } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useProjectView } from '../../components/use-project-view';
import { GoalGrid, VisionView } from '../../components/vision-view';

export function ProjectPage() {
  const { state, reload } = useProjectView();
  const people = useMemo(() => indexPeople(state.status === 'ready' ? state.view.people : []), [state]);

  if (state.status === 'loading') return <Loading label="Loading the product vision…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  const { vision, goalBook, project, canEdit } = state.view;
  const where = canEdit
    ? 'You can write it in Project settings → Product vision.'
    : 'A project admin can write it in Project settings → Product vision.';

  if (!vision && goalBook.goals.length === 0) {
    return (
      <main className="pv-page">
        <header className="pv-header">
          <h1>Product vision</h1>
          <p className="pv-muted">{project.key}</p>
        </header>
        <EmptyState title="No product vision yet">
          <p>This project has no vision, goals or KPIs yet. {where}</p>
        </EmptyState>
      </main>
    );
  }

  const active = goalBook.goals.filter((g) => g.status === 'active').length;
  return (
    <main className="pv-page">
      <header className="pv-header">
        <h1>Product vision</h1>
        <p className="pv-muted">
          {project.key} · {goalBook.goals.length === 1 ? '1 business goal' : `${goalBook.goals.length} business goals`}
          {goalBook.goals.length > 0 ? `, ${active} active` : ''}
        </p>
      </header>

      <section className="pv-section" aria-label="Vision">
        {vision ? (
          <VisionView vision={vision} people={people} />
        ) : (
          <EmptyState title="No vision statement yet">
            <p>{where}</p>
          </EmptyState>
        )}
      </section>

      <section className="pv-section" aria-labelledby="goals-title">
        <h2 id="goals-title">Business goals</h2>
        {goalBook.goals.length > 0 ? (
          <GoalGrid book={goalBook} people={people} />
        ) : (
          <EmptyState title="No business goals yet">
            <p>{where}</p>
          </EmptyState>
        )}
      </section>
    </main>
  );
}
