/**
 * A form that saves an edit of a versioned document: the submit in flight, the resolver's field and
 * action errors, a CONFLICT with the current version, and re-applying the user's edit over it.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../src/contract/shared/result';
import { failureKind, reapplyOver, shownErrors, type Conflict } from './conflict-form';
import { fieldErrors, otherIssues, type FieldErrors } from './errors';

export interface ConflictFormOptions<D, Doc, R> {
  /** The version the edit starts from; null for a new one. */
  initial: Doc | null;
  draftOf: (doc: Doc | null) => D;
  /** Must be stable (module level or memoised): it runs on every change of the draft. */
  validate: (values: D) => FieldErrors;
  /** Sends `values` as an edit of `against` (null: as a new one). */
  send: (values: D, against: Doc | null) => Promise<Result<R>>;
  /** After a save; a returned document becomes the version the form edits from now on. */
  onSaved: (data: R, values: D, against: Doc | null) => Doc | void;
  /** The current version a CONFLICT revealed, or the error to show when there is none to offer. */
  readConflict: (error: AppError, against: Doc | null) => Conflict<Doc> | AppError;
  merge: (mine: D, startedFrom: D, theirs: D) => D;
  /** The fields shown next to an input (for the values sent); the server's other issues go to the summary. */
  fields: readonly string[] | ((values: D) => readonly string[]);
  /** The resolver's path prefix of the fields (`goal` for `goal.title`). */
  prefix?: string;
  /** After the user changes a field through `setField` or `bind`. */
  onEdit?: () => void;
  /** True for a NOT_FOUND that says the edited document was deleted meanwhile: kept as a conflict with no current version. */
  isGone?: (error: AppError) => boolean;
}

/** The draft's keys whose values are text, so an input can edit them. */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];

export function useConflictForm<D, Doc, R>(o: ConflictFormOptions<D, Doc, R>) {
  const [base, setBase] = useState<Doc | null>(o.initial);
  const [draft, setDraft] = useState<D>(() => o.draftOf(o.initial));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverExtra, setServerExtra] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<Conflict<Doc> | null>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const { validate } = o;
  const local = useMemo(() => validate(draft), [validate, draft]);
  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  function reset(doc: Doc | null) {
    setBase(doc);
    setDraft(o.draftOf(doc));
    setSubmitted(false);
    setConflict(null);
  }

  /** Saves `values`; answers the document the form now edits, or null when the save was refused (the form shows why). */
  async function submit(values: D, against: Doc | null): Promise<Doc | null> {
    if (Object.keys(o.validate(values)).length) {
      setSubmitted(true);
      focusSummary();
      return null;
    }
    setSaving(true);
    setActionError(null);
    setServerErrors({});
    setServerExtra([]);
    const res = await o.send(values, against);
    setSaving(false);
    if (res.ok) {
      const adopted = o.onSaved(res.data, values, against);
      if (adopted) reset(adopted);
      return adopted ?? null;
    }
    const { error } = res;
    const kind = failureKind(error, against !== null, o.isGone);
    if (kind === 'fields') {
      setServerErrors(fieldErrors(error.fields, o.prefix));
      setServerExtra(otherIssues(error.fields, typeof o.fields === 'function' ? o.fields(values) : o.fields, o.prefix));
      focusSummary();
    } else if (kind === 'gone') {
      setConflict({ theirs: null, gone: true });
    } else if (kind === 'conflict') {
      const answer = o.readConflict(error, against);
      if ('theirs' in answer) setConflict(answer);
      else setActionError(answer);
    } else {
      setActionError(error);
    }
    return null;
  }

  function setField<K extends keyof D>(k: K, v: D[K], errorPath: string = String(k)) {
    setDraft((d) => ({ ...d, [k]: v }));
    if (serverErrors[errorPath]) setServerErrors(({ [errorPath]: _gone, ...rest }) => rest);
    o.onEdit?.();
  }
  const errors = shownErrors(local, serverErrors, submitted);

  return {
    base,
    draft,
    setDraft,
    saving,
    submitted,
    /** What the fields and the summary show. */
    errors,
    serverErrors,
    serverExtra,
    actionError,
    conflict,
    summaryRef,
    save: () => void submit(draft, base),
    /** Saves now (not while a CONFLICT waits): the document saved, or null when refused. */
    commit: (): Promise<Doc | null> => (saving || conflict ? Promise.resolve(null) : submit(draft, base)),
    /** The form's submit: ignored while a save runs or a CONFLICT waits for the user's answer. */
    onSubmit(e: FormEvent) {
      e.preventDefault();
      if (!saving && !conflict) void submit(draft, base);
    },
    /** Sets one field; the server's message for it (at `errorPath`) goes, since it may no longer hold. */
    setField,
    /** The props of the input that edits `k` (a select's options are the field's values, hence the cast). */
    bind: <K extends TextKey<D>>(k: K, errorPath: string = String(k)) => ({
      name: String(k),
      value: draft[k] as string,
      error: errors[errorPath],
      readOnly: saving,
      onChange: (v: string) => setField(k, v as D[K], errorPath),
    }),
    /** Drops the server's message for one field, or all of them. */
    clearError(path?: string) {
      setServerErrors((errs) => {
        if (path === undefined) return {};
        const { [path]: _gone, ...rest } = errs;
        return rest;
      });
    },
    dismissError: () => setActionError(null),
    /** Keeps what the user changed, takes the rest from the current version, and saves again. */
    reapply() {
      if (!conflict) return;
      const { against, values } = reapplyOver(draft, base, conflict.theirs, o.draftOf, o.merge);
      setConflict(null);
      setBase(against);
      setDraft(values);
      void submit(values, against);
    },
    /** Drops the user's edit and edits `doc` (e.g. the current version) from here on. */
    reset(doc: Doc | null) {
      reset(doc);
      setServerErrors({});
    },
  };
}

export type ConflictForm<D, Doc> = ReturnType<typeof useConflictForm<D, Doc, unknown>>;
