/** Whole-page states: Loading, ErrorState, EmptyState; and ErrorBanner for a failed action. */
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import type { AppError } from '../../src/contract/shared/result';
import { errorTitle, isRetryable } from './errors';
import { Button, Message } from './ui';
import { t } from './i18n';

// Inline icons: nothing is fetched from outside the app.
const LockIcon = () => (
  <svg className="pv-state-icon" width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      fill="currentColor"
      d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Zm3 3.5a1.5 1.5 0 0 1 .75 2.8V18h-1.5v-1.7A1.5 1.5 0 0 1 12 13.5Z"
    />
  </svg>
);

const WarningIcon = () => (
  <svg className="pv-state-icon" width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M12 2 1 21h22L12 2Zm0 4.8L19.5 19h-15L12 6.8ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z" />
  </svg>
);

export function Loading({ label = t('Loading…') }: { label?: string }) {
  return (
    <div className="pv-state" role="status" aria-live="polite">
      <Spinner size="large" label={label} />
      <p className="pv-muted">{label}</p>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  if (error.code === 'NO_ACCESS') {
    return (
      <div className="pv-state" role="alert">
        <LockIcon />
        <h1>{t("You don't have access to this project's vision")}</h1>
        <p className="pv-muted">
          {t('Only people who can browse this Jira project can see its vision, goals and KPIs. Ask a project admin for access.')}
        </p>
      </div>
    );
  }
  return (
    <div className="pv-state" role="alert">
      <WarningIcon />
      <h1>{errorTitle(error)}</h1>
      <p className="pv-muted">{error.message}</p>
      {onRetry && error.code !== 'FORBIDDEN' ? (
        <Button appearance="primary" onClick={onRetry}>
          {t('Try again')}
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="pv-empty">
      <h3>{title}</h3>
      {children ? <div className="pv-muted">{children}</div> : null}
      {action}
    </div>
  );
}

/** The message of a failed action, with a retry where sending again can help. */
export function ErrorBanner({
  error,
  title,
  onRetry,
  onDismiss,
  actions,
}: {
  error: AppError;
  /** Overrides the title derived from the code (e.g. FORBIDDEN on an epic is not about project admins). */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** More buttons, shown before "Dismiss". */
  actions?: ReactNode;
}) {
  const retry = onRetry && isRetryable(error);
  return (
    <Message
      kind="error"
      title={title ?? errorTitle(error)}
      actions={
        retry || onDismiss || actions ? (
          <>
            {retry ? (
              <Button small onClick={onRetry}>
                {t('Try again')}
              </Button>
            ) : null}
            {actions}
            {onDismiss ? (
              <Button small appearance="subtle" onClick={onDismiss}>
                {t('Dismiss')}
              </Button>
            ) : null}
          </>
        ) : undefined
      }
    >
      <p>{error.message}</p>
    </Message>
  );
}
