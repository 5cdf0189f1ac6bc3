/**
 * Admins: feedback from Jira (the sources and the items to triage are in feedback-intake.tsx).
 * Closed when the page loads (no invoke, and its code is a lazy chunk): opening it fetches the code once
 * and loads the sources and the items to triage.
 */
import { useId, useState } from 'react';
import { t } from '../../shared/i18n';
import { lazyPart } from '../../shared/lazy';
import { closedParts } from '../closed-parts-load';
import { Button } from '../../shared/ui';

const IntakeBody = lazyPart(() => closedParts().then((m) => m.IntakeBody));

export function FeedbackIntake() {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <section className="pv-section" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('Feedback from Jira')}</h2>
      <p className="pv-muted">
        {t('Bring in what users say where they say it: each source is a JQL (for example a service desk’s requests of one type). Every day, and when you fetch, new matching issues become feedback items linked to their issue, once each; you then triage them.')}
      </p>
      <div>
        <Button aria-expanded={open} aria-controls={`${id}-b`} onClick={() => setOpen((o) => !o)}>
          {open ? t('Hide feedback sources') : t('Show feedback sources')}
        </Button>
      </div>
      <div id={`${id}-b`}>{open ? <IntakeBody /> : null}</div>
    </section>
  );
}
