/**
 * "Give feedback": a compact form for everyone who may browse the project (project page, issue panel).
 * Closed it is one button; open it asks for the quote or summary, its source and sentiment, and what it
 * is about. Escape closes it; the answer is announced.
 */
import { useEffect, useRef, useState } from 'react';
import { FEEDBACK_SOURCES, POST_LAUNCH_LIMITS, SENTIMENTS, type Feedback, type FeedbackSource, type Sentiment } from '../../../src/contract/post-launch/post-launch';
import { call } from '../../shared/bridge';
import { SelectField, TextAreaField } from '../../shared/field';
import { t } from '../../shared/i18n';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useAction } from '../post-launch/use-action';
import { sentimentLabel, sourceLabel } from './feedback-text';
import './feedback.style';

/** One choice of what the feedback is about. */
export interface AboutChoice {
  value: string;
  label: string;
  goalId: string | null;
  kpiId: string | null;
  /** The epic of the issue panel it is given from (the server takes the epic from the context). */
  aboutEpic?: boolean;
}

const FIELDS = ['text', 'source', 'sentiment', 'goalId', 'kpiId', 'aboutEpic'];

export function GiveFeedback({ about, onAdded, intro }: { about: readonly AboutChoice[]; onAdded?: (f: Feedback) => void; intro?: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [source, setSource] = useState<FeedbackSource>('interview');
  const [sentiment, setSentiment] = useState<Sentiment>('neutral');
  const [aboutValue, setAbout] = useState(about[0]?.value ?? '');
  const [said, setSaid] = useState('');
  const action = useAction();
  // Button passes no ref: the toggle is found in this block to give focus back to it.
  const box = useRef<HTMLDivElement>(null);
  const focusToggle = () => box.current?.querySelector<HTMLElement>('button[aria-expanded]')?.focus();
  const first = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) first.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    action.clear();
    focusToggle();
  };

  const choice = about.find((a) => a.value === aboutValue) ?? about[0];
  const aboutError = action.errors.goalId ?? action.errors.kpiId ?? action.errors.aboutEpic;
  return (
    <div className="fb-give" ref={box}>
      <Button
        small
        aria-expanded={open}
        onClick={() => {
          setSaid('');
          if (open) close();
          else setOpen(true);
        }}
      >
        {t('Give feedback')}
      </Button>
      {open ? (
        <form
          ref={first}
          className="pl-form fb-form"
          noValidate
          aria-label={t('Give feedback')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                call('feedback/create', {
                  text,
                  source,
                  sentiment,
                  goalId: choice?.goalId ?? null,
                  kpiId: choice?.kpiId ?? null,
                  iteration: null,
                  ...(choice?.aboutEpic ? { aboutEpic: true } : {}),
                }),
              )
              .then((r) => {
                if (!r.ok) return;
                setText('');
                setOpen(false);
                setSaid(t('Thank you: your feedback was added.'));
                focusToggle();
                onAdded?.(r.data);
              });
          }}
        >
          {intro ? <p className="pv-small pv-subtlest">{intro}</p> : null}
          <TextAreaField name="text" label={t('Quote or summary')} value={text} onChange={setText} max={POST_LAUNCH_LIMITS.feedbackText} error={action.errors.text} required />
          <div className="pl-grid">
            <SelectField name="source" label={t('Source')} value={source} onChange={(v) => setSource(v as FeedbackSource)} options={FEEDBACK_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} error={action.errors.source} />
            <SelectField name="sentiment" label={t('Sentiment')} value={sentiment} onChange={(v) => setSentiment(v as Sentiment)} options={SENTIMENTS.map((s) => ({ value: s, label: sentimentLabel(s) }))} error={action.errors.sentiment} />
            {about.length > 1 ? <SelectField name="about" label={t('About')} value={choice?.value ?? ''} onChange={setAbout} options={about} error={aboutError} /> : null}
          </div>
          {about.length === 1 && choice ? <p className="pv-small">{t('About: {what}', { what: choice.label })}</p> : null}
          {about.length === 1 && aboutError ? <p className="pv-error">{aboutError}</p> : null}
          {action.banner(FIELDS) ? <ErrorBanner error={action.banner(FIELDS)!} onDismiss={action.clear} /> : null}
          <div className="pv-form-foot">
            <Button type="submit" appearance="primary" busy={action.busy}>
              {action.busy ? t('Adding…') : t('Add feedback')}
            </Button>
            <Button type="button" onClick={close}>
              {t('Cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      <p className="pv-sr-only" role="status" aria-live="polite">
        {said}
      </p>
      {said ? <p className="pv-status pv-status--ok" aria-hidden="true">{said}</p> : null}
    </div>
  );
}
