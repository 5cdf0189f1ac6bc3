/**
 * When the project last heard from its users: one line, a warning once the cadence has passed (project
 * page, settings). Admins set the cadence in settings.
 */
import { useState } from 'react';
import { FEEDBACK_CADENCE, type FeedbackCadence } from '../../../src/contract/post-launch/post-launch';
import { call } from '../../shared/bridge';
import { TextField } from '../../shared/field';
import { t } from '../../shared/i18n';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useAction } from '../post-launch/use-action';
import { cadenceLine } from './feedback-text';
import './feedback.style';

export function CadenceLine({ cadence }: { cadence: FeedbackCadence | undefined }) {
  if (!cadence) return null;
  const line = cadenceLine(cadence);
  return (
    <p className={line.overdue ? 'fb-cadence fb-cadence--overdue' : 'fb-cadence'} data-testid="feedback-cadence">
      {line.overdue ? <span className="fb-cadence-badge">{t('Feedback overdue')}</span> : null}
      {line.text}
    </p>
  );
}

/** The admin's cadence field: whole days, 1–365; the server's field error shows beside it. */
export function CadenceForm({ cadence, onSaved }: { cadence: FeedbackCadence; onSaved: (c: FeedbackCadence) => void }) {
  const [days, setDays] = useState(String(cadence.cadenceDays));
  const [said, setSaid] = useState('');
  const action = useAction();
  return (
    <form
      className="fb-cadence-form"
      noValidate
      aria-label={t('Feedback cadence')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaid('');
        // Not a number goes as null (JSON has no NaN): the server's field error says what it needs.
        void action.run(() => call('feedback/cadence', { cadenceDays: Number(days.trim() || NaN) })).then((r) => {
          if (!r.ok) return;
          onSaved(r.data);
          setSaid(t('Saved: users should be heard from at least every {n} days.', { n: r.data.cadenceDays }));
        });
      }}
    >
      <TextField
        name="cadenceDays"
        label={t('Hear from users at least every (days)')}
        inputMode="decimal"
        value={days}
        onChange={setDays}
        error={action.errors.cadenceDays}
        help={t('{min} to {max} days; {d} unless you change it.', { min: FEEDBACK_CADENCE.minDays, max: FEEDBACK_CADENCE.maxDays, d: FEEDBACK_CADENCE.defaultDays })}
      />
      <Button type="submit" busy={action.busy}>
        {action.busy ? t('Saving…') : t('Save cadence')}
      </Button>
      {action.banner(['cadenceDays']) ? <ErrorBanner error={action.banner(['cadenceDays'])!} onDismiss={action.clear} /> : null}
      <p className="pv-sr-only" role="status" aria-live="polite">
        {said}
      </p>
      {said ? <p className="pv-small pv-subtlest" aria-hidden="true">{said}</p> : null}
    </form>
  );
}

/** Settings: when the project last heard from its users, and (admins) the cadence. */
export function FeedbackCadenceSection({ cadence: initial, canEdit }: { cadence: FeedbackCadence | undefined; canEdit: boolean }) {
  const [cadence, setCadence] = useState(initial);
  if (!cadence) return null;
  return (
    <section className="pv-section fb-section" aria-labelledby="feedback-cadence-title">
      <h2 id="feedback-cadence-title">{t('User feedback')}</h2>
      <CadenceLine cadence={cadence} />
      <p className="pv-small pv-subtlest">{t('Anyone who can see this project can give feedback on the project page or an epic’s issue panel.')}</p>
      {canEdit ? <CadenceForm cadence={cadence} onSaved={setCadence} /> : null}
    </section>
  );
}
