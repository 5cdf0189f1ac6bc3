/**
 * Company goals above the portfolio's rows: each with its KPIs and the project goals (of projects the
 * viewer may browse) that contribute to it, their KPI status added up. Editors (Jira administrators and
 * the people and groups they named) add, change and delete them here.
 */
import { useState } from 'react';
import { GOAL_STATUSES, type GoalStatus } from '../../../src/contract/goals/model';
import {
  COMPANY_LIMITS,
  companyGoalFieldsSchema,
  type CompanyGoal,
  type CompanyGoalBook,
  type CompanyGoalFields,
  type CompanyGoalRollup,
  type PortfolioView,
} from '../../../src/contract/portfolio/portfolio';
import type { AppError } from '../../../src/contract/shared/result';
import { toFieldIssues } from '../../../src/contract/shared/schemas';
import { call } from '../../shared/bridge';
import { fieldErrors } from '../../shared/errors';
import { SelectField, TextAreaField, TextField } from '../../shared/field';
import { formatDate, statusLabel, withUnit } from '../../shared/format';
import { t } from '../../shared/i18n';
import { EmptyState, ErrorBanner } from '../../shared/states';
import { Button, StatusLozenge } from '../../shared/ui';

type Editing = { goal: CompanyGoal | null } | null;

export function CompanyGoals({ view, onBook, onReload }: { view: PortfolioView; onBook: (b: CompanyGoalBook) => void; onReload: () => void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = new Map(view.people.map((p) => [p.accountId, p.displayName]));
  const book = view.companyGoalBook;

  async function remove(goal: CompanyGoal) {
    if (!window.confirm(t('Delete the company goal “{title}”? Project goals that contribute to it keep their own goals.', { title: goal.title }))) return;
    setBusy(goal.id);
    setError(null);
    const res = await call('company-goal/delete', { goalId: goal.id, baseRevision: book.revision });
    setBusy(null);
    if (res.ok) onReload();
    else setError(res.error);
  }

  return (
    <section className="pv-section" aria-labelledby="pf-company-goals">
      <div className="pv-section-head">
        <h2 id="pf-company-goals">{t('Company goals')}</h2>
        {view.canEditCompanyGoals && !editing ? (
          <Button appearance="primary" data-focus="add-company-goal" onClick={() => setEditing({ goal: null })}>
            {t('Add company goal')}
          </Button>
        ) : null}
      </div>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {editing ? (
        <div className="pv-card">
          <CompanyGoalForm
            goal={editing.goal}
            book={book}
            onSaved={(b) => {
              onBook(b);
              setEditing(null);
              onReload();
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}
      {view.companyGoals.length === 0 ? (
        <EmptyState title={t('No company goals yet')}>
          <p>
            {view.canEditCompanyGoals
              ? t('Add the business goals your products serve together, such as “Grow self-service revenue”.')
              : t('Jira administrators, and the people they name, set the business goals that projects contribute to.')}
          </p>
        </EmptyState>
      ) : (
        <ul className="pv-pf-goals">
          {view.companyGoals.map((r) => (
            <CompanyGoalCard
              key={r.goal.id}
              rollup={r}
              owner={r.goal.ownerAccountId ? (names.get(r.goal.ownerAccountId) ?? t('Unknown user')) : null}
              actions={
                view.canEditCompanyGoals ? (
                  <span className="pv-row">
                    <Button small onClick={() => setEditing({ goal: r.goal })} aria-label={t('Edit {title}', { title: r.goal.title })}>
                      {t('Edit')}
                    </Button>
                    <Button small appearance="subtle" busy={busy === r.goal.id} onClick={() => void remove(r.goal)} aria-label={t('Delete {title}', { title: r.goal.title })}>
                      {t('Delete')}
                    </Button>
                  </span>
                ) : null
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function CompanyGoalCard({ rollup, owner, actions }: { rollup: CompanyGoalRollup; owner: string | null; actions: React.ReactNode }) {
  const g = rollup.goal;
  return (
    <li className="pv-card pv-pf-goal" aria-labelledby={`cg-${g.id}`}>
      <div className="pv-goal-head">
        <h3 id={`cg-${g.id}`} className="pv-goal-title">
          {g.title}
        </h3>
        <StatusLozenge status={g.status} />
        {actions}
      </div>
      <p className="pv-small pv-muted">
        {[g.businessUnit, owner ? t('Owner: {name}', { name: owner }) : null, g.targetDate ? t('Target: {date}', { date: formatDate(g.targetDate) }) : null].filter(Boolean).join(' · ')}
      </p>
      {g.description ? <p className="pv-prewrap">{g.description}</p> : null}
      {g.kpis.length ? (
        <ul className="pv-pf-inline">
          {g.kpis.map((k) => (
            <li key={k.id}>
              {k.target === null ? k.name : t('{name}: target {target}', { name: k.name, target: withUnit(k.target, k.unit) })}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>
        {t('Contributing project goals')}{' '}
        <span className="pv-small pv-muted">{t('{on} on track · {off} off track · {none} no data', { on: rollup.kpis.onTrack, off: rollup.kpis.offTrack, none: rollup.kpis.noData })}</span>
      </h4>
      {rollup.contributions.length === 0 ? (
        <p className="pv-small pv-muted">{t('No project goal you may see contributes to it yet.')}</p>
      ) : (
        <ul className="pv-pf-contrib">
          {rollup.contributions.map((c) => (
            <li key={`${c.projectId}:${c.goalId}`}>
              <strong>{c.projectKey}</strong> {c.title}{' '}
              <span className="pv-small pv-muted">{t('{on} on track · {off} off track · {none} no data', { on: c.kpis.onTrack, off: c.kpis.offTrack, none: c.kpis.noData })}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface KpiDraft {
  id?: string;
  name: string;
  unit: string;
  target: string;
}

function CompanyGoalForm({ goal, book, onSaved, onCancel }: { goal: CompanyGoal | null; book: CompanyGoalBook; onSaved: (b: CompanyGoalBook) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [businessUnit, setBusinessUnit] = useState(goal?.businessUnit ?? '');
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? 'active');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const [owner, setOwner] = useState<'keep' | 'none'>(goal?.ownerAccountId ? 'keep' : 'none');
  const [kpis, setKpis] = useState<KpiDraft[]>(goal?.kpis.map((k) => ({ id: k.id, name: k.name, unit: k.unit, target: k.target === null ? '' : String(k.target) })) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);

  const fields = (): CompanyGoalFields => ({
    title,
    description,
    businessUnit,
    status,
    targetDate: targetDate || null,
    ownerAccountId: owner === 'keep' ? (goal?.ownerAccountId ?? null) : null,
    kpis: kpis.map((k) => ({ ...(k.id ? { id: k.id } : {}), name: k.name, unit: k.unit, target: k.target.trim() === '' ? null : Number(k.target) })),
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = fields();
    const parsed = companyGoalFieldsSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(toFieldIssues(parsed.error.issues)));
      return;
    }
    setErrors({});
    setSaving(true);
    const res = goal
      ? await call('company-goal/update', { goalId: goal.id, goal: parsed.data, baseRevision: book.revision })
      : await call('company-goal/create', { goal: parsed.data, baseRevision: book.revision });
    setSaving(false);
    if (res.ok) onSaved(res.data);
    else {
      setFailure(res.error);
      if (res.error.fields) setErrors(fieldErrors(res.error.fields, 'goal'));
    }
  }

  const label = goal ? t('Edit company goal') : t('Add a company goal');
  return (
    <form className="pv-form" noValidate aria-label={label} onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && !saving && onCancel()}>
      <h3>{label}</h3>
      {failure ? <ErrorBanner error={failure} onDismiss={() => setFailure(null)} /> : null}
      <TextField name="title" label={t('Title')} value={title} onChange={setTitle} error={errors.title} required max={COMPANY_LIMITS.title} />
      <TextAreaField name="description" label={t('Description')} value={description} onChange={setDescription} error={errors.description} max={COMPANY_LIMITS.description} />
      <div className="pv-fields-2">
        <TextField name="businessUnit" label={t('Owning business unit')} value={businessUnit} onChange={setBusinessUnit} error={errors.businessUnit} max={COMPANY_LIMITS.businessUnit} />
        <SelectField
          name="owner"
          label={t('Owner')}
          value={owner}
          onChange={(v) => setOwner(v as 'keep' | 'none')}
          error={errors.ownerAccountId}
          options={[{ value: 'none', label: t('No owner') }, ...(goal?.ownerAccountId ? [{ value: 'keep', label: goal.ownerName ?? t('Current owner') }] : [])]}
        />
        <SelectField name="status" label={t('Status')} value={status} onChange={(v) => setStatus(v as GoalStatus)} options={GOAL_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <TextField name="targetDate" type="date" label={t('Target date')} value={targetDate} onChange={setTargetDate} error={errors.targetDate} />
      </div>
      <fieldset className="pv-pf-fieldset">
        <legend className="pv-label">{t('Company KPIs (optional)')}</legend>
        {kpis.map((k, i) => (
          <div className="pv-pf-kpi-row" key={k.id ?? `new-${i}`}>
            <TextField name={`kpis.${i}.name`} label={t('KPI name')} value={k.name} error={errors[`kpis.${i}.name`]} onChange={(v) => setKpis(kpis.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
            <TextField name={`kpis.${i}.unit`} label={t('Unit')} value={k.unit} error={errors[`kpis.${i}.unit`]} onChange={(v) => setKpis(kpis.map((x, j) => (j === i ? { ...x, unit: v } : x)))} />
            <TextField name={`kpis.${i}.target`} label={t('Target')} value={k.target} error={errors[`kpis.${i}.target`]} onChange={(v) => setKpis(kpis.map((x, j) => (j === i ? { ...x, target: v } : x)))} />
            <Button small appearance="subtle" onClick={() => setKpis(kpis.filter((_, j) => j !== i))} aria-label={t('Remove KPI {n}', { n: i + 1 })}>
              {t('Remove')}
            </Button>
          </div>
        ))}
        {kpis.length < COMPANY_LIMITS.kpis ? (
          <Button small onClick={() => setKpis([...kpis, { name: '', unit: '', target: '' }])}>
            {t('Add KPI')}
          </Button>
        ) : null}
      </fieldset>
      <div className="pv-form-foot">
        <Button appearance="primary" type="submit" busy={saving}>
          {goal ? t('Save company goal') : t('Add company goal')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}
