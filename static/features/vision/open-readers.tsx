/**
 * The project admin's choice to show the PUBLISHED vision in the Confluence macro to readers who may
 * not browse this Jira project (`vision/open-readers`, `vision/set-open-readers`), with its warning in
 * plain words beside the checkbox. Default off; each change is saved at once and the macro follows
 * on its next load (nothing caches it).
 */
import { useEffect, useId, useState } from 'react';
import type { OpenReaders } from '../../../src/contract/macro/open-readers';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { t } from '../../shared/i18n';
import { ErrorBanner } from '../../shared/states';

type State = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; value: OpenReaders };

export function OpenReadersSetting() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [said, setSaid] = useState('');
  const [tries, setTries] = useState(0);
  const id = useId();

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    void call('vision/open-readers', {}).then((res) => {
      if (live) setState(res.ok ? { status: 'ready', value: res.data } : { status: 'error', error: res.error });
    });
    return () => {
      live = false;
    };
  }, [tries]);

  const change = async (enabled: boolean) => {
    setBusy(true);
    setSaveError(null);
    const res = await call('vision/set-open-readers', { enabled });
    setBusy(false);
    if (!res.ok) {
      setSaveError(res.error);
      return;
    }
    setState({ status: 'ready', value: res.data });
    setSaid(
      enabled
        ? t('Saved: Confluence readers without access to this Jira project now see the published vision.')
        : t('Saved: only people who can browse this Jira project see the vision in Confluence.'),
    );
  };

  const enabled = state.status === 'ready' && state.value.enabled;
  return (
    <fieldset className="pv-open-readers" aria-busy={state.status === 'loading' || busy}>
      <legend>{t('Readers without access to this Jira project')}</legend>
      <p className="pv-open-warning" id={`${id}-warning`}>
        {t(
          'Everyone who can view a Confluence page with this macro will see the published vision, goals and KPI figures, even without access to this Jira project.',
        )}
      </p>
      <p className="pv-small pv-muted" id={`${id}-never`}>
        {t('Drafts, feedback, issue keys and JQL are never shown to them, and people who are not logged in see nothing.')}
      </p>
      {state.status === 'error' ? <ErrorBanner error={state.error} onRetry={() => setTries((n) => n + 1)} /> : null}
      <label className="pv-check-row">
        <input
          type="checkbox"
          checked={enabled}
          // Not `disabled` while saving: a disabled control drops the keyboard focus.
          disabled={state.status !== 'ready'}
          aria-disabled={busy || undefined}
          aria-describedby={`${id}-warning ${id}-never`}
          onChange={(e) => !busy && void change(e.target.checked)}
        />
        <span>{t('Show the published vision to everyone who can view the Confluence page')}</span>
      </label>
      {saveError ? <ErrorBanner error={saveError} onDismiss={() => setSaveError(null)} /> : null}
      <p className="pv-sr-only" role="status" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
