import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { EvidenceBadge } from '../../../components/ui/evidence-badge';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { getPlanTargets } from '../api/get-plan-targets';
import { savePlanTarget } from '../api/save-plan-target';
import type { PlanTarget, PlanTargetInput } from '../types';
import { formatShare, formatTargetFigure, fromInputText, toInputText } from '../values';
import { NumberField } from './number-field';

/** The ids of the edit form's controls (one form is open at a time). */
const IDS = {
  goal: 'plan-edit-goal',
  targetZh: 'plan-edit-target-zh',
  targetEn: 'plan-edit-target-en',
  valueZh: 'plan-edit-value-zh',
  valueEn: 'plan-edit-value-en',
  save: 'plan-edit-save',
  cancel: 'plan-edit-cancel',
} as const;

type Field = 'goal' | 'targetZh' | 'targetEn' | 'valueZh' | 'valueEn';

function editButtonId(targetId: string): string {
  return `plan-edit-${targetId}`;
}

/** The plan's targets beside Huiqi's own figures, with progress where both are numbers. Admins may edit them. */
export function PlanTargets({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const resource = useApiResource('plan-targets', (signal) => getPlanTargets(signal));
  return (
    <section className="section insight__section" id="plan-targets" aria-labelledby="plan-targets-heading">
      <h2 id="plan-targets-heading">{t('plan.heading')}</h2>
      <p>{t('plan.intro')}</p>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <LoadFailed message="plan.loadFailed" error={resource.error} onRetry={resource.reload} />}
      {resource.status === 'success' &&
        (resource.data.items.length === 0 ? <p>{t('plan.empty')}</p> : <PlanTable initial={resource.data.items} canEdit={canEdit} />)}
    </section>
  );
}

function PlanTable({ initial, canEdit }: { initial: PlanTarget[]; canEdit: boolean }) {
  const { language, t } = useI18n();
  const [items, setItems] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  // After the form closes, focus goes back to the row's Edit button.
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  useEffect(() => {
    if (returnFocus) document.getElementById(editButtonId(returnFocus))?.focus();
  }, [returnFocus]);

  const columns = canEdit ? 7 : 6;

  function open(id: string) {
    setSaved('');
    setReturnFocus(null);
    setEditing(id);
  }

  function close(id: string) {
    setEditing(null);
    setReturnFocus(id);
  }

  function handleSaved(item: PlanTarget) {
    setItems((current) => current.map((existing) => (existing.id === item.id ? item : existing)));
    setSaved(t('plan.saved', { id: item.id }));
    close(item.id);
  }

  return (
    <>
      {saved && (
        <Notice kind="success">
          <p>{saved}</p>
        </Notice>
      )}
      <div className="table-wrap">
        <table className="table plan-table" id="plan-targets-table">
          <caption className="table__caption">{t('plan.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.id')}</th>
              <th scope="col">{t('plan.target')}</th>
              <th scope="col">{t('plan.value')}</th>
              <th scope="col">{t('plan.level')}</th>
              <th scope="col">{t('plan.platform')}</th>
              <th scope="col">{t('plan.progress')}</th>
              {canEdit && <th scope="col">{t('plan.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <Fragment key={item.id}>
                <tr data-target={item.id} className={editing === item.id ? 'table__row--selected' : undefined}>
                  <th scope="row">
                    <span className="criterion__id">{item.id}</span>
                  </th>
                  <td>{localize(item.target, language)}</td>
                  <td>
                    {localize(item.value, language)}
                    {item.goal !== null && (
                      <span className="plan-table__goal">{t('plan.goal', { goal: formatTargetFigure(item.goal, item.unit, language) })}</span>
                    )}
                  </td>
                  <td>
                    <EvidenceBadge level={item.level} />
                  </td>
                  <td>
                    <PlatformFigure item={item} />
                  </td>
                  <td>
                    <Progress item={item} />
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        className="button button--secondary button--small"
                        type="button"
                        id={editButtonId(item.id)}
                        aria-expanded={editing === item.id}
                        aria-controls={editing === item.id ? 'plan-edit-form' : undefined}
                        onClick={() => (editing === item.id ? close(item.id) : open(item.id))}
                      >
                        {t('plan.edit')}
                        <span className="visually-hidden">{t('plan.editFor', { id: item.id })}</span>
                      </button>
                    </td>
                  )}
                </tr>
                {canEdit && editing === item.id && (
                  <tr className="plan-edit-row">
                    <td colSpan={columns}>
                      <PlanTargetForm item={item} onSaved={handleSaved} onCancel={() => close(item.id)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PlatformFigure({ item }: { item: PlanTarget }) {
  const { language } = useI18n();
  if (!item.platform) return <>—</>;
  const label = localize(item.platform.label, language);
  const value = item.platform.value === null ? '—' : formatTargetFigure(item.platform.value, item.unit, language);
  return (
    <>
      {label && <span className="plan-table__label">{label}</span>}
      <span className="plan-table__figure">{value}</span>
    </>
  );
}

function Progress({ item }: { item: PlanTarget }) {
  const { language, t } = useI18n();
  const value = item.platform?.value;
  if (typeof item.goal !== 'number' || typeof value !== 'number' || item.goal <= 0) return <>—</>;
  const share = formatShare(value / item.goal, language);
  return (
    <div className="plan-progress">
      <progress
        className="plan-progress__bar"
        max={item.goal}
        value={Math.min(Math.max(value, 0), item.goal)}
        aria-label={t('plan.progressLabel', { id: item.id })}
        aria-valuetext={t('plan.progressText', { percent: share })}
      />
      <span className="plan-progress__text">{t('plan.progressText', { percent: share })}</span>
    </div>
  );
}

/** Which input a server field error belongs to ("goal", "target.zh", "value.en", …). */
function fieldOf(serverField: string): Field | undefined {
  const field = serverField.replace(/^body\./, '');
  if (field === 'goal') return 'goal';
  if (field === 'target.en') return 'targetEn';
  if (field === 'target' || field === 'target.zh') return 'targetZh';
  if (field === 'value.en') return 'valueEn';
  if (field === 'value' || field === 'value.zh') return 'valueZh';
  return undefined;
}

function PlanTargetForm({ item, onSaved, onCancel }: { item: PlanTarget; onSaved: (item: PlanTarget) => void; onCancel: () => void }) {
  const { language, t } = useI18n();
  const hasGoal = item.unit !== 'text' || item.goal !== null;
  const [values, setValues] = useState<Record<Field, string>>({
    goal: item.goal === null ? '' : toInputText(item.goal, item.unit),
    targetZh: item.target.zh,
    targetEn: item.target.en,
    valueZh: item.value.zh,
    valueEn: item.value.en,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);

  // Opening the form takes the keyboard to its first field.
  useEffect(() => {
    document.getElementById(hasGoal ? IDS.goal : IDS.targetZh)?.focus();
  }, [hasGoal]);

  const labels: Record<Field, string> = {
    goal: t('plan.goalField'),
    targetZh: t('plan.targetZh'),
    targetEn: t('plan.targetEn'),
    valueZh: t('plan.valueZh'),
    valueEn: t('plan.valueEn'),
  };
  const order: Field[] = ['goal', 'targetZh', 'targetEn', 'valueZh', 'valueEn'];
  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...order.flatMap((field) => (errors[field] ? [{ fieldId: IDS[field], message: errors[field]! }] : [])),
  ];

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function fail(fields: Partial<Record<Field, string>>, messages: string[]) {
    setErrors(fields);
    setGeneral(messages);
    setFailed((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    let goal: number | null = null;
    if (hasGoal && values.goal.trim() !== '') {
      goal = fromInputText(values.goal, item.unit);
      if (goal === null) found.goal = t('plan.errors.goal');
    }
    if (!values.targetZh.trim()) found.targetZh = t('plan.errors.required', { field: labels.targetZh });
    if (!values.valueZh.trim()) found.valueZh = t('plan.errors.required', { field: labels.valueZh });
    if (Object.keys(found).length > 0) return fail(found, []);

    const input: PlanTargetInput = {
      target: { zh: values.targetZh.trim(), en: values.targetEn.trim() },
      value: { zh: values.valueZh.trim(), en: values.valueEn.trim() },
    };
    if (hasGoal) input.goal = goal;
    setBusy(true);
    try {
      const saved = await savePlanTarget(item.id, input);
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (!isApiError(error) || error.errors.length === 0) return fail({}, [describeError(error, t)]);
      const fields: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const problem of error.errors) {
        const field = fieldOf(problem.field);
        if (field && !fields[field]) fields[field] = problem.message;
        else rest.push(problem.message);
      }
      fail(fields, rest);
    }
  }

  const goalHint =
    item.unit === 'ratio'
      ? t('plan.goalHintRatio')
      : t('plan.goalHint', { unit: item.unit === 'yuan' ? t('plan.unit.yuan') : item.unit === 'count' ? t('plan.unit.count') : item.unit });
  const parsedGoal = hasGoal && item.unit === 'yuan' && values.goal.trim() ? fromInputText(values.goal, item.unit) : null;

  return (
    <form className="form plan-edit" id="plan-edit-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy || undefined}>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">
          {t('plan.editHeading', { id: item.id })}
        </legend>
        {hasGoal && (
          <NumberField
            id={IDS.goal}
            label={labels.goal}
            hint={goalHint}
            unit={item.unit === 'ratio' ? '%' : item.unit === 'yuan' ? t('plan.unit.yuan') : undefined}
            value={values.goal}
            onChange={set('goal')}
            error={errors.goal}
            preview={parsedGoal !== null && Math.abs(parsedGoal) >= 10000 ? formatTargetFigure(parsedGoal, 'yuan', language) : undefined}
          />
        )}
        <TextAreaField id={IDS.targetZh} label={labels.targetZh} rows={2} value={values.targetZh} onChange={set('targetZh')} error={errors.targetZh} required />
        <TextAreaField id={IDS.targetEn} label={labels.targetEn} rows={2} value={values.targetEn} onChange={set('targetEn')} error={errors.targetEn} />
        <TextAreaField id={IDS.valueZh} label={labels.valueZh} rows={2} value={values.valueZh} onChange={set('valueZh')} error={errors.valueZh} required />
        <TextAreaField id={IDS.valueEn} label={labels.valueEn} rows={2} value={values.valueEn} onChange={set('valueEn')} error={errors.valueEn} />
      </fieldset>
      <p className="muted">{t('plan.updatedAt', { time: formatDateTime(item.updatedAt, language) })}</p>
      <div className="button-row">
        <button className="button" type="submit" id={IDS.save}>
          {busy ? t('plan.saving') : t('plan.save')}
        </button>
        <button className="button button--secondary" type="button" id={IDS.cancel} onClick={onCancel}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
