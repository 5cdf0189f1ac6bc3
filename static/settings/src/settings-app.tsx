import { useMemo } from 'react';
import { indexPeople } from '../../components/format';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { Message } from '../../components/ui';
import { useProjectView } from '../../components/use-project-view';
import { GoalGrid, VisionView } from '../../components/vision-view';
import { GoalsEditor } from './goals-editor';
import { usePeople } from './use-people';
import { VisionForm } from './vision-form';
import { VisionHistory } from './vision-history';

export function SettingsApp() {
  const { state, reload, setVision, setGoalBook, addPeople } = useProjectView();
  const candidates = usePeople(addPeople);
  const people = useMemo(() => indexPeople(state.status === 'ready' ? state.view.people : []), [state]);

  if (state.status === 'loading') return <Loading label="Loading the product vision…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;

  const { view } = state;
  return (
    <main className="pv-page">
      <header className="pv-header">
        <h1>Product vision</h1>
        <p className="pv-muted">
          {view.project.key} · the vision, business goals and KPIs everyone in this project can read on its Product vision page.
        </p>
      </header>

      {view.canEdit ? (
        <>
          <section className="pv-section">
            <VisionForm vision={view.vision} people={people} onChanged={setVision} />
            <VisionHistory latestRevision={view.vision?.revision ?? 0} people={people} />
          </section>
          <GoalsEditor book={view.goalBook} setBook={setGoalBook} people={people} candidates={candidates} />
        </>
      ) : (
        <>
          <Message kind="info">
            <p>Only project admins can edit the vision.</p>
          </Message>
          <section className="pv-section" aria-label="Vision">
            {view.vision ? (
              <VisionView vision={view.vision} people={people} />
            ) : (
              <EmptyState title="No vision yet">
                <p>A project admin can write it here.</p>
              </EmptyState>
            )}
          </section>
          <section className="pv-section" aria-labelledby="goals-title">
            <h2 id="goals-title">Business goals</h2>
            {view.goalBook.goals.length > 0 ? (
              <GoalGrid book={view.goalBook} people={people} />
            ) : (
              <EmptyState title="No business goals yet">
                <p>A project admin can add them here.</p>
              </EmptyState>
            )}
          </section>
        </>
      )}
    </main>
  );
}
