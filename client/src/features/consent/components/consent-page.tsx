import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError, errorSummaryItems } from '../../../lib/error-message';
import { findIdNumberProblem, idNumberProblemMessage, normalizeIdNumber } from '../../../lib/id-number';
import { localize, useI18n } from '../../../lib/i18n';
import { memberRoleText } from '../../../lib/talent/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getConsent } from '../api/get-consent';
import { giveConsent } from '../api/give-consent';
import { withdrawConsent } from '../api/withdraw-consent';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import type { ConsentGiven, ConsentInvitation } from '../types';

const IDS = { agree: 'consent-agree', idNumber: 'consent-idNumber', submit: 'consent-submit' } as const;

/** Where each field the server names is on the form. */
const SERVER_FIELDS: Record<string, string> = { agree: IDS.agree, idNumber: IDS.idNumber };

/** Public: a team member, sent a one-time link by the firm, reads the consent statement, agrees and enters their ID number. */
export function ConsentPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const invitation = useApiResource(`consent:${token}`, (signal) => getConsent(token, signal));
  const notFound = invitation.status === 'error' && isApiError(invitation.error) && invitation.error.status === 404;
  const title = notFound ? t('consent.notFoundTitle') : t('consent.title');
  useDocumentTitle(title);
  return (
    <div className="narrow consent-page">
      <PageHeading>{title}</PageHeading>
      {invitation.status === 'loading' && <Loading />}
      {notFound && <p id="consent-not-found">{t('consent.notFoundBody')}</p>}
      {invitation.status === 'error' && !notFound && <LoadFailed message="consent.loadFailed" error={invitation.error} onRetry={invitation.reload} />}
      {invitation.status === 'success' && <ConsentView token={token} invitation={invitation.data} />}
    </div>
  );
}

function ConsentView({ token, invitation }: { token: string; invitation: ConsentInvitation }) {
  const { language, t } = useI18n();
  const [given, setGiven] = useState<ConsentGiven | null>(
    invitation.status === 'given' && invitation.idNumberMasked ? { status: 'given', idNumberMasked: invitation.idNumberMasked } : null,
  );
  const [withdrawn, setWithdrawn] = useState(false);
  const text = localize(invitation.text, language);
  const textLanguage = language === 'en' && invitation.text.en ? 'en' : 'zh-CN';

  return (
    <>
      <p className="lead">{t('consent.intro', { company: invitation.company.name, team: invitation.team.name })}</p>
      <dl className="summary-list" id="consent-facts">
        <div className="summary-list__row">
          <dt>{t('consent.company')}</dt>
          <dd>{invitation.company.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('consent.team')}</dt>
          <dd>{invitation.team.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('consent.member')}</dt>
          <dd>
            {invitation.member.name} <span className="muted">{memberRoleText(invitation.member.role, t)}</span>
          </dd>
        </div>
        {!given && (
          <div className="summary-list__row">
            <dt>{t('consent.expires')}</dt>
            <dd>{formatDateTime(invitation.expiresAt, language)}</dd>
          </div>
        )}
      </dl>
      {withdrawn ? (
        <WithdrawnNotice />
      ) : given ? (
        <>
          <ConsentDone given={given} company={invitation.company.name} />
          <WithdrawSection token={token} onWithdrawn={() => setWithdrawn(true)} />
        </>
      ) : (
        <>
          <section className="section" aria-labelledby="consent-text-heading">
            <h2 id="consent-text-heading">{t('consent.textTitle')}</h2>
            <div className="consent-text" id="consent-text" lang={textLanguage}>
              {text
                .split(/\n+/)
                .filter((paragraph) => paragraph.trim() !== '')
                .map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
            </div>
            <p className="muted" id="consent-text-version">
              {t('consent.textVersion', { version: invitation.textVersion })}
            </p>
          </section>
          <ConsentForm token={token} onGiven={setGiven} />
        </>
      )}
    </>
  );
}

function ConsentForm({ token, onGiven }: { token: string; onGiven: (given: ConsentGiven) => void }) {
  const { t } = useI18n();
  const [agree, setAgree] = useState(false);
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const errorFor = (id: string) => errors.find((item) => item.fieldId === id)?.message;

  function check(): ErrorSummaryItem[] {
    const problems: ErrorSummaryItem[] = [];
    if (!agree) problems.push({ fieldId: IDS.agree, message: t('consent.errors.agree') });
    const normalized = normalizeIdNumber(idNumber);
    if (!normalized) problems.push({ fieldId: IDS.idNumber, message: t('consent.errors.idNumber') });
    else {
      const problem = findIdNumberProblem(normalized);
      if (problem) problems.push({ fieldId: IDS.idNumber, message: idNumberProblemMessage(problem, t) });
    }
    return problems;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    setErrors(problems);
    if (problems.length > 0) {
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const given = await giveConsent(token, normalizeIdNumber(idNumber));
      // The number is not kept once it is saved; only the masked form is shown back.
      setIdNumber('');
      onGiven(given);
    } catch (error) {
      const fromServer = errorSummaryItems(error, (field) => SERVER_FIELDS[field], t);
      setErrors(fromServer);
      setAttempts((n) => n + 1);
      setBusy(false);
    }
  }

  const agreeError = errorFor(IDS.agree);
  return (
    <section className="section" aria-labelledby="consent-form-heading">
      <h2 id="consent-form-heading">{t('consent.formTitle')}</h2>
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form" id="consent-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className={agreeError ? 'field field--error' : 'field'}>
          {agreeError && (
            <p className="field__error" id={`${IDS.agree}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {agreeError}
            </p>
          )}
          <div className="choice">
            <input
              className="choice__input"
              type="checkbox"
              id={IDS.agree}
              name="agree"
              checked={agree}
              onChange={(event) => setAgree(event.target.checked)}
              required
              aria-invalid={agreeError ? true : undefined}
              aria-describedby={agreeError ? `${IDS.agree}-error` : undefined}
            />
            <label className="choice__label" htmlFor={IDS.agree}>
              {t('consent.agree')}
            </label>
          </div>
        </div>
        <TextField
          id={IDS.idNumber}
          label={t('consent.idNumber')}
          hint={t('consent.idNumberHint')}
          value={idNumber}
          onChange={setIdNumber}
          error={errorFor(IDS.idNumber)}
          autoComplete="off"
          inputMode="text"
          spellCheck={false}
          autoCapitalize="characters"
          className="field__input--id-number"
          required
        />
        <button className="button" type="submit" id={IDS.submit}>
          {busy ? t('consent.submitting') : t('consent.submit')}
        </button>
      </form>
    </section>
  );
}

function ConsentDone({ given, company }: { given: ConsentGiven; company: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Notice kind="success">
      <h2 className="notice__title focus-heading" id="consent-done" tabIndex={-1} ref={heading}>
        {t('consent.doneTitle')}
      </h2>
      <p id="consent-masked">{t('consent.doneMasked', { masked: given.idNumberMasked })}</p>
      <p>{t('consent.doneWithdraw', { company })}</p>
    </Notice>
  );
}

/** The member takes their consent back here, through the same link; the firm is not asked. */
function WithdrawSection({ token, onWithdrawn }: { token: string; onWithdrawn: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function handleConfirm() {
    setBusy(true);
    setError('');
    try {
      await withdrawConsent(token);
      onWithdrawn();
    } catch (failure) {
      setError(describeError(failure, t));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section className="section" aria-labelledby="consent-withdraw-heading">
      <h2 id="consent-withdraw-heading">{t('consent.withdrawTitle')}</h2>
      <p>{t('consent.withdrawBody')}</p>
      {error && (
        <p className="field__error" role="alert" id="consent-withdraw-error">
          {error}
        </p>
      )}
      {confirming ? (
        <ConfirmStep
          id="consent-withdraw-step"
          title={t('consent.withdrawConfirmTitle')}
          confirmLabel={t('consent.withdrawConfirm')}
          busyLabel={t('consent.withdrawing')}
          cancelLabel={t('consent.withdrawCancel')}
          busy={busy}
          danger
          onConfirm={() => void handleConfirm()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('consent.withdrawBody')}</p>
        </ConfirmStep>
      ) : (
        <button className="button button--secondary" type="button" id="consent-withdraw" onClick={() => setConfirming(true)}>
          {t('consent.withdraw')}
        </button>
      )}
    </section>
  );
}

function WithdrawnNotice() {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Notice kind="success">
      <h2 className="notice__title focus-heading" id="consent-withdrawn" tabIndex={-1} ref={heading}>
        {t('consent.withdrawnTitle')}
      </h2>
      <p>{t('consent.withdrawnBody')}</p>
    </Notice>
  );
}
