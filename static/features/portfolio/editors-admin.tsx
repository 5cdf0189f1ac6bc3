/**
 * The admin page (jira:adminPage, Jira administrators only): who may edit company goals besides Jira
 * administrators. People and groups are found through Jira's own pickers and saved as one list.
 */
import { useState } from 'react';
import type { CompanyGoalEditorsView, NamedGroup, PrincipalMatches } from '../../../src/contract/portfolio/portfolio';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { TextField } from '../../shared/field';
import { t } from '../../shared/i18n';
import { ErrorBanner, ErrorState, Loading } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';

const load = () => call('company-goal/editors', {});

interface Person {
  accountId: string;
  displayName: string;
}

export function EditorsAdmin() {
  const { state, reload } = useResource(load);
  if (state.status === 'loading') return <Loading label={t('Loading company goal editors…')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return <EditorsForm initial={state.data} />;
}

function EditorsForm({ initial }: { initial: CompanyGoalEditorsView }) {
  const [saved, setSaved] = useState(initial);
  const [people, setPeople] = useState<Person[]>(initial.people);
  const [groups, setGroups] = useState<NamedGroup[]>(initial.editors.groups);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PrincipalMatches | null>(null);
  const [searching, setSearching] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // A change after a save: the "saved" notice no longer speaks of what is shown.
  const changePeople = (next: Person[]) => {
    setNotice(null);
    setPeople(next);
  };
  const changeGroups = (next: NamedGroup[]) => {
    setNotice(null);
    setGroups(next);
  };

  async function search(e: React.FormEvent) {
    e.preventDefault();
    setSearching(true);
    setError(null);
    const res = await call('company-goal/find-principals', { query });
    setSearching(false);
    if (res.ok) setMatches(res.data);
    else setError(res.error);
  }

  async function save() {
    setSaving(true);
    setError(null);
    const res = await call('company-goal/set-editors', { accountIds: people.map((p) => p.accountId), groups, baseRevision: saved.editors.revision });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setSaved(res.data);
    setPeople(res.data.people);
    setGroups(res.data.editors.groups);
    setNotice(t('Saved. These people and groups may now edit company goals.'));
  }

  const hasPerson = (id: string) => people.some((p) => p.accountId === id);
  const hasGroup = (id: string) => groups.some((g) => g.groupId === id);

  return (
    <main className="pv-page pv-pf">
      <header className="pv-header">
        <h1>{t('Product Vision: company goals')}</h1>
        <p className="pv-muted">
          {t('Jira administrators always may edit company goals on the Product portfolio page. Name other people or groups who may edit them too; everyone signed in may read them.')}
        </p>
      </header>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div aria-live="polite">{notice ? <Message kind="success"><p>{notice}</p></Message> : null}</div>

      <section className="pv-section" aria-labelledby="ed-named">
        <h2 id="ed-named">{t('Company goal editors')}</h2>
        {people.length === 0 && groups.length === 0 ? <p className="pv-muted">{t('Nobody is named yet: only Jira administrators may edit company goals.')}</p> : null}
        <ul className="pv-pf-named" aria-label={t('Named editors')}>
          {people.map((p) => (
            <li key={p.accountId}>
              <span>{p.displayName}</span> <span className="pv-small pv-muted">{t('Person')}</span>
              <Button small appearance="subtle" onClick={() => changePeople(people.filter((x) => x.accountId !== p.accountId))} aria-label={t('Remove {name}', { name: p.displayName })}>
                {t('Remove')}
              </Button>
            </li>
          ))}
          {groups.map((g) => (
            <li key={g.groupId}>
              <span>{g.name}</span> <span className="pv-small pv-muted">{t('Group')}</span>
              <Button small appearance="subtle" onClick={() => changeGroups(groups.filter((x) => x.groupId !== g.groupId))} aria-label={t('Remove {name}', { name: g.name })}>
                {t('Remove')}
              </Button>
            </li>
          ))}
        </ul>
        <div className="pv-row">
          <Button appearance="primary" busy={saving} onClick={() => void save()}>
            {t('Save editors')}
          </Button>
        </div>
      </section>

      <section className="pv-section" aria-labelledby="ed-find">
        <h2 id="ed-find">{t('Find people and groups')}</h2>
        <form className="pv-row" role="search" onSubmit={(e) => void search(e)}>
          <div className="pv-grow">
            <TextField name="query" label={t('Person or group name')} value={query} onChange={setQuery} max={100} />
          </div>
          <Button type="submit" busy={searching}>
            {t('Search')}
          </Button>
        </form>
        {matches ? (
          matches.people.length + matches.groups.length === 0 ? (
            <p className="pv-muted" role="status">{t('Nobody matches “{query}”.', { query })}</p>
          ) : (
            <ul className="pv-pf-named" aria-label={t('Search results')}>
              {matches.groups.map((g) => (
                <li key={g.groupId}>
                  <span>{g.name}</span> <span className="pv-small pv-muted">{t('Group')}</span>
                  <Button small disabled={hasGroup(g.groupId)} onClick={() => changeGroups([...groups, g])} aria-label={t('Add group {name}', { name: g.name })}>
                    {hasGroup(g.groupId) ? t('Added') : t('Add')}
                  </Button>
                </li>
              ))}
              {matches.people.map((p) => (
                <li key={p.accountId}>
                  <span>{p.displayName}</span> <span className="pv-small pv-muted">{t('Person')}</span>
                  <Button small disabled={hasPerson(p.accountId)} onClick={() => changePeople([...people, p])} aria-label={t('Add {name}', { name: p.displayName })}>
                    {hasPerson(p.accountId) ? t('Added') : t('Add')}
                  </Button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>
    </main>
  );
}
