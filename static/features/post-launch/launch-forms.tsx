/** Admin forms for launches and iterations: record a launch (of a version, or dated), add or edit an iteration. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Iteration, IterationGone, JiraVersionChoice, LaunchChange } from '../../../src/contract/post-launch/post-launch';
import { POST_LAUNCH_LIMITS } from '../../../src/contract/post-launch/post-launch';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { ErrorSummary, SelectField, TextField, focusField } from '../../shared/field';
import { formatDate } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { useAction, useBase, type Action } from './use-action';
import { t } from '../../shared/i18n';
import { iterationLabel } from '../../shared/iteration-label';

const NO_VERSION = '';

export function Banner({ error, onDismiss }: { error: AppError | null; onDismiss?: () => void }) {
  return error ? <ErrorBanner error={error} onDismiss={onDismiss} /> : null;
}

/**
 * A form's answer as every form shows it: the summary of field messages (announced, each a link to its
 * field; the messages also sit under the fields), then a banner for anything else.
 */
export function ActionAlerts({ action, labels }: { action: Action; labels: Record<string, string> }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <>
      <ErrorSummary summaryRef={ref} errors={action.errors} labels={labels} onJump={(f) => focusField(ref.current?.closest('form') ?? null, f)} />
      <Banner error={action.banner(Object.keys(labels))} onDismiss={action.clear} />
    </>
  );
}

/** A form's heading, focused when the form opens so keyboard and screen-reader users land in it. */
function FormHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h4 ref={ref} tabIndex={-1}>
      {children}
    </h4>
  );
}

/** A Jira version as a choice: its name, whether it is released, and its release date when it has one. */
function versionOption(v: JiraVersionChoice): string {
  const date = v.releaseDate ? formatDate(v.releaseDate) : null;
  if (v.released) return date ? t('{name} (released, {date})', { name: v.name, date }) : t('{name} (released)', { name: v.name });
  return date ? t('{name} (planned, {date})', { name: v.name, date }) : t('{name} (planned)', { name: v.name });
}

export function LaunchForm({
  baseRevision,
  today,
  onDone,
  onCancel,
}: {
  baseRevision: number;
  today: string;
  onDone: (change: LaunchChange) => void;
  onCancel: () => void;
}) {
  const [versions, setVersions] = useState<JiraVersionChoice[] | null>(null);
  const [versionsError, setVersionsError] = useState<AppError | null>(null);
  const [versionId, setVersionId] = useState(NO_VERSION);
  const [name, setName] = useState('');
  const [date, setDate] = useState(today);
  const [preset, setPreset] = useState(true);
  const action = useAction();
  const [base, adopt] = useBase(baseRevision);

  useEffect(() => {
    void call('launch/versions', {}).then((r) => (r.ok ? setVersions(r.data) : setVersionsError(r.error)));
  }, []);

  const choose = (id: string) => {
    setVersionId(id);
    const v = versions?.find((x) => x.id === id);
    if (v?.releaseDate) setDate(v.releaseDate);
  };

  const options = [
    { value: NO_VERSION, label: t('No version: a dated launch') },
    ...(versions ?? [])
      .filter((v) => !v.launched)
      .map((v) => ({
        value: v.id,
        label: versionOption(v),
      })),
  ];

  return (
    <form
      className="pl-form"
      noValidate
      aria-label={t('Record a launch')}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            call('launch/create', {
              name,
              versionId: versionId === NO_VERSION ? null : versionId,
              date: date === '' ? null : date,
              preset: preset ? '30-60-90' : 'none',
              baseRevision: base,
            }),
          )
          .then(adopt)
          .then((r) => r.ok && onDone(r.data));
      }}
    >
      <FormHeading>{t('Record a launch')}</FormHeading>
      <p className="pv-small pv-muted">{t('The baseline of each KPI is captured now: its latest measurement on or before the launch day (else its defined baseline).')}</p>
      {versionsError ? <ErrorBanner error={versionsError} /> : null}
      <div className="pl-grid">
        <SelectField name="versionId" label={t('Jira version')} value={versionId} onChange={choose} options={options} error={action.errors.versionId} disabled={versions === null} />
        <TextField name="name" label={t('Name')} value={name} onChange={setName} max={POST_LAUNCH_LIMITS.launchName} error={action.errors.name} help={versionId ? t('Defaults to the version’s name.') : undefined} />
        <TextField name="date" type="date" label={t('Launch date')} value={date} onChange={setDate} error={action.errors.date} required />
      </div>
      <label className="pl-check">
        <input type="checkbox" checked={preset} onChange={(e) => setPreset(e.target.checked)} />
        {t('Add the iterations +30, +60 and +90 days after the launch')}
      </label>
      <ActionAlerts action={action} labels={{ versionId: t('Jira version'), name: t('Name'), date: t('Launch date') }} />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? t('Recording…') : t('Record launch')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}

export function IterationForm({
  launchId,
  iteration,
  baseRevision,
  onDone,
  onCancel,
}: {
  launchId: string;
  /** The iteration being edited; null to add one. */
  iteration: Iteration | null;
  baseRevision: number;
  onDone: (change: LaunchChange) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(iteration?.name ?? '');
  const [start, setStart] = useState(iteration?.start ?? '');
  const [end, setEnd] = useState(iteration?.end ?? '');
  const [versionId, setVersionId] = useState(iteration?.versionId ?? NO_VERSION);
  const [versions, setVersions] = useState<JiraVersionChoice[]>([]);
  const action = useAction();
  const [base, adopt] = useBase(baseRevision);
  useEffect(() => {
    void call('launch/versions', {}).then((r) => r.ok && setVersions(r.data));
  }, []);
  const fields = { name, start, end, versionId: versionId === NO_VERSION ? null : versionId };
  const title = iteration ? t('Edit “{name}”', { name: iterationLabel(iteration.name) }) : t('Add an iteration');
  // Deleted meanwhile: the typed values stay and "Add it again" sends them as a new iteration (while the launch exists).
  const gone = action.error?.code === 'NOT_FOUND' ? (action.error.details as IterationGone | undefined)?.gone : undefined;
  const send = (asNew: boolean, revision = base) =>
    void action
      .run(
        () =>
          iteration && !asNew
            ? call('iteration/update', { launchId, iterationId: iteration.id, iteration: fields, baseRevision: revision })
            : call('iteration/create', { launchId, iteration: fields, baseRevision: revision }),
        'iteration',
      )
      .then(adopt)
      .then((r) => r.ok && onDone(r.data));
  return (
    <form
      className="pl-form"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <FormHeading>{title}</FormHeading>
      {gone ? (
        <Message
          kind="warning"
          title={t('Iteration “{value}” was deleted by someone else', { value: iteration ? iterationLabel(iteration.name) : '' })}
          actions={
            gone.launchExists ? (
              <Button appearance="primary" onClick={() => send(true, (action.error?.details as IterationGone).current.revision)}>
                {t('Add it again')}
              </Button>
            ) : undefined
          }
        >
          <p>{gone.launchExists ? t('Your values are still in the form.') : t('Its launch was deleted too, so it cannot be added again.')}</p>
        </Message>
      ) : null}
      <div className="pl-grid">
        <TextField name="name" label={t('Name')} value={name} onChange={setName} max={POST_LAUNCH_LIMITS.iterationName} error={action.errors.name} required />
        <TextField name="start" type="date" label={t('Start')} value={start} onChange={setStart} error={action.errors.start} required />
        <TextField name="end" type="date" label={t('End')} value={end} onChange={setEnd} error={action.errors.end} required />
        <SelectField
          name="versionId"
          label={t('Output counted by')}
          value={versionId}
          onChange={setVersionId}
          error={action.errors.versionId}
          options={[{ value: NO_VERSION, label: t('Issues done in these dates') }, ...versions.map((v) => ({ value: v.id, label: t('Done issues of {name}', { name: v.name }) }))]}
        />
      </div>
      {gone ? null : <ActionAlerts action={action} labels={{ name: t('Name'), start: t('Start'), end: t('End'), versionId: t('Output counted by') }} />}
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? t('Saving…') : iteration ? t('Save iteration') : t('Add iteration')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}
