/** What every conflict-aware form shows around its fields: the error summary and banner, the CONFLICT message, the footer. */
import type { ReactNode } from 'react';
import type { FieldErrors } from './errors';
import { ErrorSummary } from './field';
import { ErrorBanner } from './states';
import { Button, Message } from './ui';
import type { ConflictForm } from './use-conflict-form';
import { t } from './i18n';

export function FormAlerts<D, Doc>({
  form,
  labels,
  errors = form.errors,
  onJump,
}: {
  form: ConflictForm<D, Doc>;
  labels: Record<string, string>;
  errors?: FieldErrors;
  onJump: (field: string) => void;
}) {
  return (
    <>
      <ErrorSummary summaryRef={form.summaryRef} errors={errors} labels={labels} extra={form.serverExtra} onJump={onJump} />
      {form.actionError ? <ErrorBanner error={form.actionError} onRetry={form.save} onDismiss={form.dismissError} /> : null}
    </>
  );
}

/** The CONFLICT message; `actions` replaces the usual re-apply / discard pair; `title` e.g. when it was deleted. */
export function ConflictMessage({
  title,
  reapplyLabel,
  onReapply,
  onDiscard,
  actions,
  children,
}: {
  reapplyLabel?: string;
  onReapply?: () => void;
  onDiscard?: () => void;
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Message
      kind="warning"
      title={title ?? t('Someone else changed this since you opened it')}
      actions={
        actions ?? (
          <>
            <Button appearance="primary" onClick={onReapply}>
              {reapplyLabel}
            </Button>
            <Button appearance="subtle" onClick={onDiscard}>
              {t('Discard my changes')}
            </Button>
          </>
        )
      }
    >
      {children}
    </Message>
  );
}

/** Save (busy while saving or while a CONFLICT waits for an answer), then Cancel or what the form adds. */
export function FormFoot<D, Doc>({
  form,
  label,
  onCancel,
  children,
}: {
  form: ConflictForm<D, Doc>;
  label: string;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="pv-form-foot">
      <Button type="submit" appearance="primary" busy={form.saving || !!form.conflict}>
        {form.saving ? t('Saving…') : label}
      </Button>
      {onCancel ? (
        <Button appearance="subtle" onClick={onCancel} disabled={form.saving}>
          {t('Cancel')}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
