/** Whole-page states: Loading, ErrorState, EmptyState; and ErrorBanner for a failed action. */
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import type { AppError } from '../../src/contract/result';
import { errorTitle, isRetryable } from './errors';
import { Button, Message } from './ui';

export function Loading({ label = 'Loading…' }: { label?: string }) {
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
        <div className="pv-state-icon" aria-hidden="true">
          🔒
        </div>
        <h1>You don&apos;t have access to this project&apos;s vision</h1>
        <p className="pv-muted">
          Only people who can browse this Jira project can see its vision, goals and KPIs. Ask a project admin for
          access.
        </p>
      </div>
    );
  }
  return (
    <div className="pv-state" role="alert">
      <div className="pv-state-icon" aria-hidden="true">
        ⚠
      </div>
      <h1>{errorTitle(error)}</h1>
      <p className="pv-muted">{error.message}</p>
      {onRetry && error.code !== 'FORBIDDEN' ? (
        <Button appearance="primary" onClick={onRetry}>
          Try again
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
export function ErrorBanner({ error, onRetry, onDismiss }: { error: AppError; onRetry?: () => void; onDismiss?: () => void }) {
  const retry = onRetry && isRetryable(error);
  return (
    <Message
      kind="error"
      title={errorTitle(error)}
      actions={
        retry || onDismiss ? (
          <>
            {retry ? (
              <Button small onClick={onRetry}>
                Try again
              </Button>
            ) : null}
            {onDismiss ? (
              <Button small appearance="subtle" onClick={onDismiss}>
                Dismiss
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
