/** Admin forms for launches and iterations: record a launch (of a version, or dated), add or edit an iteration. */
import { useEffect, useState } from 'react';
import type { Iteration, JiraVersionChoice, LaunchChange } from '../../../src/contract/post-launch/post-launch';
import { POST_LAUNCH_LIMITS } from '../../../src/contract/post-launch/post-launch';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { SelectField, TextField } from '../../shared/field';
import { formatDate } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useAction, useBase } from './use-action';

const NO_VERSION = '';

export function Banner({ error, onDismiss }: { error: AppError | null; onDismiss?: () => void }) {
  return error ? <ErrorBanner error={error} onDismiss={onDismiss} /> : null;
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
    { value: NO_VERSION, label: 'No version: a dated launch' },
    ...(versions ?? [])
      .filter((v) => !v.launched)
      .map((v) => ({
        value: v.id,
        label: `${v.name} (${v.released ? 'released' : 'planned'}${v.releaseDate ? `, ${formatDate(v.releaseDate)}` : ''})`,
      })),
  ];

  return (
    <form
      className="pl-form"
      aria-label="Record a launch"
      noValidate
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
      <h4>Record a launch</h4>
      <p className="pv-small pv-muted">The baseline of each KPI is captured now: its latest measurement on or before the launch day (else its defined baseline).</p>
      {versionsError ? <ErrorBanner error={versionsError} /> : null}
      <div className="pl-grid">
        <SelectField name="versionId" label="Jira version" value={versionId} onChange={choose} options={options} error={action.errors.versionId} disabled={versions === null} />
        <TextField name="name" label="Name" value={name} onChange={setName} max={POST_LAUNCH_LIMITS.launchName} error={action.errors.name} help={versionId ? 'Defaults to the version’s name.' : undefined} />
        <TextField name="date" type="date" label="Launch date" value={date} onChange={setDate} error={action.errors.date} required />
      </div>
      <label className="pl-check">
        <input type="checkbox" checked={preset} onChange={(e) => setPreset(e.target.checked)} />
        Add the iterations +30, +60 and +90 days after the launch
      </label>
      <Banner error={action.banner(['versionId', 'name', 'date'])} onDismiss={action.clear} />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? 'Recording…' : 'Record launch'}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
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
  const title = iteration ? `Edit “${iteration.name}”` : 'Add an iteration';
  return (
    <form
      className="pl-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(
            () =>
              iteration
                ? call('iteration/update', { launchId, iterationId: iteration.id, iteration: fields, baseRevision: base })
                : call('iteration/create', { launchId, iteration: fields, baseRevision: base }),
            'iteration',
          )
          .then(adopt)
          .then((r) => r.ok && onDone(r.data));
      }}
    >
      <h4>{title}</h4>
      <div className="pl-grid">
        <TextField name="name" label="Name" value={name} onChange={setName} max={POST_LAUNCH_LIMITS.iterationName} error={action.errors.name} required />
        <TextField name="start" type="date" label="Start" value={start} onChange={setStart} error={action.errors.start} required />
        <TextField name="end" type="date" label="End" value={end} onChange={setEnd} error={action.errors.end} required />
        <SelectField
          name="versionId"
          label="Output counted by"
          value={versionId}
          onChange={setVersionId}
          error={action.errors.versionId}
          options={[{ value: NO_VERSION, label: 'Issues done in these dates' }, ...versions.map((v) => ({ value: v.id, label: `Done issues of ${v.name}` }))]}
        />
      </div>
      <Banner error={action.banner(['name', 'start', 'end', 'versionId'])} onDismiss={action.clear} />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? 'Saving…' : iteration ? 'Save iteration' : 'Add iteration'}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
