/** Labelled inputs with an inline error, plus the error summary a form shows above its fields. */
import { useId, type ReactNode, type Ref } from 'react';
import { t } from './i18n';

interface BaseProps {
  /** The form's field name; also `data-field` so the summary can move focus to it. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: ReactNode;
  required?: boolean;
  /** Shows a character counter against this limit. */
  max?: number;
  readOnly?: boolean;
}

function useFieldIds(error?: string, help?: ReactNode, max?: number) {
  const id = useId();
  const describedBy = [error && `${id}-err`, (help || max) && `${id}-help`].filter(Boolean).join(' ') || undefined;
  return { id, describedBy };
}

function Frame({
  id,
  label,
  required,
  error,
  help,
  max,
  length,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  help?: ReactNode;
  max?: number;
  length: number;
  children: ReactNode;
}) {
  const over = max !== undefined && length > max;
  return (
    <div className="pv-field">
      <label className="pv-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="pv-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {help || max ? (
        <div className="pv-help" id={`${id}-help`}>
          <span>{help}</span>
          {max ? (
            <span className={over ? 'pv-error' : undefined} aria-live={over ? 'polite' : undefined}>
              {length}/{max}
            </span>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div className="pv-error" id={`${id}-err`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function TextField({
  type = 'text',
  inputMode,
  placeholder,
  ...p
}: BaseProps & { type?: 'text' | 'date'; inputMode?: 'decimal' | 'text'; placeholder?: string }) {
  const { id, describedBy } = useFieldIds(p.error, p.help, p.max);
  return (
    <Frame id={id} label={p.label} required={p.required} error={p.error} help={p.help} max={p.max} length={p.value.length}>
      <input
        id={id}
        className="pv-input"
        type={type}
        inputMode={inputMode}
        name={p.name}
        data-field={p.name}
        value={p.value}
        placeholder={placeholder}
        required={p.required}
        readOnly={p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </Frame>
  );
}

export function TextAreaField({ rows = 3, ...p }: BaseProps & { rows?: number }) {
  const { id, describedBy } = useFieldIds(p.error, p.help, p.max);
  return (
    <Frame id={id} label={p.label} required={p.required} error={p.error} help={p.help} max={p.max} length={p.value.length}>
      <textarea
        id={id}
        className="pv-input"
        name={p.name}
        data-field={p.name}
        rows={rows}
        value={p.value}
        required={p.required}
        readOnly={p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ options, disabled, ...p }: BaseProps & { options: readonly Option[]; disabled?: boolean }) {
  const { id, describedBy } = useFieldIds(p.error, p.help);
  return (
    <Frame id={id} label={p.label} required={p.required} error={p.error} help={p.help} length={0}>
      <select
        id={id}
        className="pv-input"
        name={p.name}
        data-field={p.name}
        value={p.value}
        required={p.required}
        disabled={disabled || p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Moves focus to the input of a field inside `root` (the summary's links use it). */
export function focusField(root: HTMLElement | null, name: string): void {
  const el = root?.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
  el?.focus();
}

/**
 * "Some fields need attention" with one link per message. `labels` maps field names to labels;
 * messages for fields the form does not have are listed as plain text.
 */
export function ErrorSummary({
  errors,
  labels,
  extra = [],
  onJump,
  summaryRef,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
  extra?: readonly string[];
  onJump: (field: string) => void;
  summaryRef?: Ref<HTMLElement>;
}) {
  const entries = Object.entries(errors).filter(([k]) => k in labels);
  if (entries.length === 0 && extra.length === 0) return null;
  const count = entries.length + extra.length;
  return (
    <section ref={summaryRef} tabIndex={-1} className="pv-msg pv-msg--error" role="alert">
      <h3>{count === 1 ? t('1 field needs attention') : t('{count} fields need attention', { count })}</h3>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <button type="button" className="pv-link-btn" onClick={() => onJump(field)}>
              {labels[field]}: {message}
            </button>
          </li>
        ))}
        {extra.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </section>
  );
}

