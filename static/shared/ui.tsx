/** Small native building blocks styled with tokens (Atlaskit's Button/Lozenge/SectionMessage each pull in
 * the Statsig feature-gate client, ~45 KB gzip, which the bundle budget cannot carry). */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { GoalStatus } from '../../src/contract/goals/model';
import { statusLabel } from './format';

type Appearance = 'default' | 'primary' | 'subtle' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: Appearance;
  small?: boolean;
  /** Keeps the button focusable while an action runs; clicks are ignored. */
  busy?: boolean;
}

export function Button({ appearance = 'default', small, busy, className, onClick, type, ...rest }: ButtonProps) {
  const cls = ['pv-btn', appearance !== 'default' && `pv-btn--${appearance}`, small && 'pv-btn--small', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={cls}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    />
  );
}

export function StatusLozenge({ status }: { status: GoalStatus }) {
  return <span className={`pv-lozenge pv-lozenge--${status}`}>{statusLabel(status)}</span>;
}

export type MessageKind = 'error' | 'warning' | 'info' | 'success';

/** A section message. `role="alert"` for errors so screen readers hear them when they appear. */
export function Message({
  kind,
  title,
  children,
  actions,
  id,
  tabIndex,
}: {
  kind: MessageKind;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  id?: string;
  tabIndex?: number;
}) {
  return (
    <section
      id={id}
      tabIndex={tabIndex}
      className={`pv-msg pv-msg--${kind}`}
      role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}
    >
      {title ? <h3>{title}</h3> : null}
      {children}
      {actions ? <div className="pv-row">{actions}</div> : null}
    </section>
  );
}
