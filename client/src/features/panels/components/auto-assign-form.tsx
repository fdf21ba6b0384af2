import { useState, type FormEvent } from 'react';
import { Notice } from '../../../components/ui/notice';
import { ServerText } from '../../../components/ui/server-text';
import { gapReasonText } from '../../../lib/reviews/labels';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { assignReviewers } from '../api/assign-reviewers';
import type { AutoAssignResult, CallPanels } from '../types';

type Props = {
  callId: string;
  defaultPerApplication: number;
  rules: CallPanels['rules'];
  /** Company names by application id, to name the panels that could not be filled. */
  companies: Map<string, string>;
  onAssigned: () => Promise<void>;
};

/** Runs the automatic assignment, which only fills gaps, and reports what it could not fill and why. */
export function AutoAssignForm({ callId, defaultPerApplication, rules, companies, onAssigned }: Props) {
  const { t } = useI18n();
  const [perApplication, setPerApplication] = useState(String(defaultPerApplication));
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const value = Number(perApplication.trim());
    if (perApplication.trim() === '' || !Number.isInteger(value) || value < 1) {
      setFieldError(t('panels.assign.errors.whole'));
      document.getElementById('per-application')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setResult(null);
    setBusy(true);
    try {
      setResult(await assignReviewers(callId, value));
      await onAssigned();
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'perApplication') : undefined;
      if (problem) {
        setFieldError(problem.message);
        document.getElementById('per-application')?.focus();
      } else {
        setError(describeError(failure, t));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="auto-assign-heading">
      <h2 id="auto-assign-heading">{t('panels.assign.title')}</h2>
      <p>{t('panels.assign.intro')}</p>
      <form className="form narrow" id="auto-assign-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className={fieldError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="per-application">
            {t('panels.assign.perApplication')}
          </label>
          <p className="field__hint" id="per-application-hint">
            {t('panels.assign.perApplicationHint', { minSize: rules.minSize })}
          </p>
          {fieldError && (
            <p className="field__error" id="per-application-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {fieldError}
            </p>
          )}
          <input
            className="field__input field__input--short"
            id="per-application"
            name="perApplication"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={perApplication}
            onChange={(event) => setPerApplication(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={['per-application-hint', fieldError ? 'per-application-error' : ''].filter(Boolean).join(' ')}
          />
        </div>
        <button className="button" type="submit" id="auto-assign">
          {busy ? t('panels.assign.running') : t('panels.assign.run')}
        </button>
      </form>
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      {result && <AssignResult result={result} companies={companies} />}
    </section>
  );
}

function AssignResult({ result, companies }: { result: AutoAssignResult; companies: Map<string, string> }) {
  const { t } = useI18n();
  return (
    <div className={result.unfilled.length > 0 ? 'notice notice--info assign-result' : 'notice notice--success assign-result'} role="status" id="auto-assign-result" data-created={result.created.length} data-unfilled={result.unfilled.length}>
      <p>
        {result.created.length === 0 && result.unfilled.length === 0
          ? t('panels.assign.nothingToDo')
          : t('panels.assign.created', { count: result.created.length, applications: result.applications, perApplication: result.perApplication })}
      </p>
      {result.unfilled.length > 0 && (
        <>
          <p className="notice__title">{t('panels.assign.unfilledTitle', { count: result.unfilled.length })}</p>
          <ul id="auto-assign-unfilled">
            {result.unfilled.map((gap) => (
              <li key={`${gap.applicationId}-${gap.reason}`} data-application={gap.applicationId}>
                {t('panels.assign.unfilled', { company: companies.get(gap.applicationId) ?? gap.applicationId, missing: gap.missing })}{' '}
                {typeof gap.reason === 'string' ? gapReasonText(gap.reason, t) : <ServerText value={gap.reason} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
