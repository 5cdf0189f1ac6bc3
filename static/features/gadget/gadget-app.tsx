/**
 * The dashboard gadget: for the project it is configured with, the vision statement, epic coverage, KPI
 * status and the current iteration's verdict, with the flags that need attention. One invoke; the
 * resolver shows nothing to a viewer who may not browse the project. Its edit view picks the project.
 */
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { GadgetProjectChoice, GadgetView } from '../../../src/contract/gadget/gadget';
import { call } from '../../shared/bridge';
import { gadgetHost, submitGadget, type GadgetHost } from '../../shared/gadget-bridge';
import { openPath } from '../../shared/bridge';
import { formatDate, formatPercent } from '../../shared/format';
import { t } from '../../shared/i18n';
import { ErrorBanner, ErrorState, Loading } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import './gadget.style';
import { highlightName, highlightVerdict } from '../../shared/iteration-label';

const pct = (r: number | null) => (r === null ? '–' : formatPercent(Math.round(r * 100)));

export function GadgetApp() {
  const [host, setHost] = useState<GadgetHost | null>(null);
  useEffect(() => {
    void gadgetHost().then(setHost);
  }, []);
  if (!host) return <Loading label={t('Loading…')} />;
  return host.editing ? <GadgetEdit config={host.config} /> : <GadgetViewer siteUrl={host.siteUrl} />;
}

const loadGadget = () => call('gadget/load', {});

function GadgetViewer({ siteUrl }: { siteUrl: string }) {
  const { state, reload } = useResource(loadGadget);
  if (state.status === 'loading') return <Loading label={t('Loading the product vision…')} />;
  if (state.status === 'error') {
    if (state.error.code === 'NOT_FOUND')
      return (
        <main className="gd">
          <p className="gd-muted">{t('This gadget has no project yet. Edit the gadget to choose the project whose vision it shows.')}</p>
        </main>
      );
    return <ErrorState error={state.error} onRetry={reload} />;
  }
  return <GadgetBody view={state.data} siteUrl={siteUrl} />;
}

function GadgetBody({ view, siteUrl }: { view: GadgetView; siteUrl: string }) {
  const { project, vision, coverage, kpis, iteration, flags } = view;
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void openPath(view.projectPagePath);
  };
  const flagList = [
    flags.reviewDue ? t('Vision review was due on {date}.', { date: formatDate(flags.reviewDue) }) : null,
    flags.notHeardFrom
      ? flags.notHeardFrom.daysSince === null
        ? t('Users not heard from yet.')
        : t('Users not heard from in {n} days (cadence: {days}).', { n: flags.notHeardFrom.daysSince, days: flags.notHeardFrom.cadenceDays })
      : null,
    flags.stalledSince ? t('Tracking stalled since {date}.', { date: formatDate(flags.stalledSince) }) : null,
  ].filter((f): f is string => f !== null);
  return (
    <main className="gd">
      <h1>
        <a href={`${siteUrl}${view.projectPagePath}`} target="_top" onClick={open}>
          {t('{key} product vision', { key: project.key })}
        </a>
      </h1>
      {vision ? (
        <p className="gd-statement">{vision.statement}</p>
      ) : (
        <p className="gd-muted">{t('No vision published yet.')}</p>
      )}
      <dl className="gd-tiles">
        <div className="gd-tile">
          <dt>{t('Epics aligned')}</dt>
          <dd>{coverage ? pct(coverage.coverage) : '–'}</dd>
          <dd className="gd-sub">{coverage ? t('{aligned} of {epics}', { aligned: coverage.aligned, epics: coverage.epics }) : t('Not counted yet')}</dd>
        </div>
        <div className="gd-tile">
          <dt>{t('KPIs')}</dt>
          <dd>{t('{n} on track', { n: kpis.onTrack + kpis.achieved })}</dd>
          <dd className="gd-sub">{t('{off} off track · {none} no data', { off: kpis.offTrack, none: kpis.noData })}</dd>
        </div>
        <div className="gd-tile">
          <dt>{t('Current iteration')}</dt>
          <dd>{iteration ? highlightVerdict(iteration.verdict) : '–'}</dd>
          <dd className="gd-sub">{iteration ? highlightName(iteration.name) : t('No iteration started')}</dd>
        </div>
      </dl>
      {flagList.length ? (
        <ul className="gd-flags" aria-label={t('Needs attention')}>
          {flagList.map((f) => (
            <li key={f} className="gd-flag">
              {f}
            </li>
          ))}
        </ul>
      ) : (
        <p className="gd-ok">{t('Nothing needs attention.')}</p>
      )}
    </main>
  );
}

function GadgetEdit({ config }: { config: unknown }) {
  const current = (config && typeof config === 'object' ? (config as { projectId?: unknown }).projectId : undefined) as string | undefined;
  const [query, setQuery] = useState('');
  const [projects, setProjects] = useState<GadgetProjectChoice[] | null>(null);
  const [chosen, setChosen] = useState<string>(typeof current === 'string' ? current : '');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const search = useCallback(async (q: string) => {
    const r = await call('gadget/projects', q ? { query: q } : {});
    if (r.ok) {
      setProjects(r.data.projects);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void search('');
  }, [search]);
  const save = async () => {
    const p = projects?.find((x) => x.id === chosen);
    if (!p) return;
    setSaving(true);
    const done = await submitGadget({ projectId: p.id, projectKey: p.key, projectName: p.name });
    setSaving(false);
    if (!done) setError({ code: 'INTERNAL', message: t('Jira did not save the gadget. Try again.') });
  };
  return (
    <main className="gd gd-edit">
      <h1>{t('Product vision gadget')}</h1>
      <form
        className="gd-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search(query.trim());
        }}
      >
        <label htmlFor="gd-query" className="pv-sr-only">
          {t('Search projects')}
        </label>
        <input id="gd-query" className="pv-input" value={query} placeholder={t('Search projects')} onChange={(e) => setQuery(e.target.value)} />
        <Button type="submit" small>
          {t('Search')}
        </Button>
      </form>
      <label htmlFor="gd-project">{t('Project')}</label>
      {projects === null && !error ? (
        <Loading label={t('Loading projects…')} />
      ) : (
        <select id="gd-project" className="pv-input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="" disabled>
            {projects && projects.length ? t('Choose a project…') : t('No projects you can browse match.')}
          </option>
          {(projects ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.name} (${p.key})`}
            </option>
          ))}
        </select>
      )}
      {error ? <ErrorBanner error={error as never} onDismiss={() => setError(null)} /> : null}
      <div className="gd-row">
        <Button appearance="primary" busy={saving || !chosen} onClick={() => void save()}>
          {saving ? t('Saving…') : t('Save')}
        </Button>
      </div>
    </main>
  );
}
