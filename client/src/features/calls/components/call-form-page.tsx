import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { fromBeijingInput, toBeijingInput } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getCall } from '../api/get-call';
import { getProgrammes } from '../api/get-programmes';
import { saveCall } from '../api/save-call';
import type { Call, CallInput, ProgrammeName } from '../types';

const FIELDS = ['programme', 'title', 'opensAt', 'closesAt', 'graceMinutes', 'budget', 'reviewersPerApplication'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** Officer: create a call (/calls/new) or edit one (/calls/:id/edit). Times are typed in Beijing time. */
export function CallFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));
  const call = useApiResource(`call:${id ?? 'new'}`, (signal) => (id ? getCall(id, signal) : Promise.resolve(null)));
  const title = id ? t('callForm.editTitle') : t('callForm.newTitle');

  if (programmes.status === 'success' && call.status === 'success') {
    return <CallForm key={id ?? 'new'} id={id ?? null} call={call.data} programmes={programmes.data.items} title={title} />;
  }
  const error = programmes.status === 'error' ? programmes.error : call.status === 'error' ? call.error : null;
  return <Status title={title} error={error} />;
}

function Status({ title, error }: { title: string; error: unknown }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {error ? (
        <Notice kind="error">
          <p>{describeError(error, t)}</p>
        </Notice>
      ) : (
        <Loading />
      )}
    </>
  );
}

function initialValues(call: Call | null): Values {
  return {
    programme: call?.programme ?? '',
    title: call?.title ?? '',
    opensAt: toBeijingInput(call?.opensAt),
    closesAt: toBeijingInput(call?.closesAt),
    graceMinutes: String(call?.graceMinutes ?? 0),
    budget: call ? String(call.budget) : '',
    reviewersPerApplication: String(call?.reviewersPerApplication ?? 3),
  };
}

function CallForm({ id, call, programmes, title }: { id: string | null; call: Call | null; programmes: ProgrammeName[]; title: string }) {
  const { language, t } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => initialValues(call));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...FIELDS.flatMap((field) => (fieldErrors[field] ? [{ fieldId: field, message: fieldErrors[field]! }] : [])),
  ];
  useDocumentTitle(summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function fail(fields: Partial<Record<Field, string>>, messages: string[]) {
    setFieldErrors(fields);
    setGeneral(messages);
    setFailed((n) => n + 1);
  }

  function validate(): { input?: CallInput; errors: Partial<Record<Field, string>> } {
    const errors: Partial<Record<Field, string>> = {};
    if (!values.programme) errors.programme = t('callForm.errors.programme');
    if (!values.title.trim()) errors.title = t('callForm.errors.title');
    const opensAt = fromBeijingInput(values.opensAt);
    const closesAt = fromBeijingInput(values.closesAt);
    if (!opensAt) errors.opensAt = t('callForm.errors.dateTime');
    if (!closesAt) errors.closesAt = t('callForm.errors.dateTime');
    if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) errors.closesAt = t('callForm.errors.closesBeforeOpens');
    const grace = Number(values.graceMinutes.trim() || '0');
    if (!Number.isInteger(grace) || grace < 0) errors.graceMinutes = t('callForm.errors.wholeNumber');
    const budget = Number(values.budget.replace(/[\s,，]/g, ''));
    if (!values.budget.trim() || !Number.isFinite(budget) || budget < 0) errors.budget = t('callForm.errors.budget');
    const reviewers = Number(values.reviewersPerApplication.trim());
    if (!Number.isInteger(reviewers) || reviewers < 1) errors.reviewersPerApplication = t('callForm.errors.reviewers');
    if (Object.keys(errors).length > 0) return { errors };
    return {
      errors,
      input: { programme: values.programme, title: values.title.trim(), opensAt: opensAt!, closesAt: closesAt!, graceMinutes: grace, budget, reviewersPerApplication: reviewers },
    };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { input, errors } = validate();
    if (!input) return fail(errors, []);
    setBusy(true);
    try {
      const { programme: _programme, ...changes } = input;
      await saveCall(id, id ? changes : input);
      navigate('/calls');
    } catch (error) {
      setBusy(false);
      const message = describeError(error, t);
      if (!isApiError(error) || error.errors.length === 0) return fail({}, [message]);
      const fields: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const problem of error.errors) {
        const field = FIELDS.find((f) => problem.field === f);
        if (field && !fields[field]) fields[field] = problem.message;
        else rest.push(problem.message);
      }
      fail(fields, rest);
    }
  }

  const programmeError = fieldErrors.programme;
  return (
    <div className="narrow">
      <p className="back-link">
        <Link to="/calls">{t('calls.backToCalls')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      <p>{t('callForm.intro')}</p>
      <form className="form" id="call-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy || undefined}>
        <div className={programmeError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="programme">
            {t('callForm.programme')}
          </label>
          {programmeError && (
            <p className="field__error" id="programme-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {programmeError}
            </p>
          )}
          <select
            className="field__input field__select"
            id="programme"
            name="programme"
            value={values.programme}
            disabled={id !== null}
            onChange={(event) => set('programme')(event.target.value)}
            aria-invalid={programmeError ? true : undefined}
            aria-describedby={programmeError ? 'programme-error' : undefined}
          >
            <option value="">{t('callForm.choose')}</option>
            {programmes.map((p) => (
              <option key={p.code} value={p.code}>
                {localize(p.name, language)}
              </option>
            ))}
          </select>
        </div>
        <TextField id="title" label={t('callForm.title')} value={values.title} onChange={set('title')} error={fieldErrors.title} />
        <DateTimeField id="opensAt" label={t('callForm.opensAt')} value={values.opensAt} onChange={set('opensAt')} error={fieldErrors.opensAt} />
        <DateTimeField id="closesAt" label={t('callForm.closesAt')} value={values.closesAt} onChange={set('closesAt')} error={fieldErrors.closesAt} />
        <TextField id="graceMinutes" label={t('callForm.graceMinutes')} hint={t('callForm.graceHint')} inputMode="numeric" value={values.graceMinutes} onChange={set('graceMinutes')} error={fieldErrors.graceMinutes} />
        <TextField id="budget" label={t('callForm.budget')} hint={t('callForm.budgetHint')} inputMode="decimal" value={values.budget} onChange={set('budget')} error={fieldErrors.budget} />
        <TextField
          id="reviewersPerApplication"
          label={t('callForm.reviewers')}
          inputMode="numeric"
          value={values.reviewersPerApplication}
          onChange={set('reviewersPerApplication')}
          error={fieldErrors.reviewersPerApplication}
        />
        <button className="button" type="submit">
          {busy ? t('callForm.saving') : t('callForm.save')}
        </button>
      </form>
    </div>
  );
}

function DateTimeField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('callForm.beijingHint')}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <input
        className="field__input field__input--date"
        id={id}
        name={id}
        type="datetime-local"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
    </div>
  );
}
