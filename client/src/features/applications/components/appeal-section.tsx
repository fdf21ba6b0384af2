import { useEffect, useRef, useState } from 'react';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextAreaField } from '../../../components/ui/text-area-field';

import { formatDate, formatDateTime, todayInBeijing } from '../../../lib/datetime';
import { appealStatusText } from '../../../lib/decisions/labels';
import type { Appeal } from '../../../lib/decisions/types';
import { errorSummaryItems } from '../../../lib/error-message';
import { formatFixed2 } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { fileAppeal } from '../api/file-appeal';
import type { Application, ApplicationDocument, ProgrammeForApplication } from '../types';
import { DocumentsSection } from './documents-section';

export const APPEAL_EVIDENCE = 'appeal_evidence';

/** The firm may appeal a first-stage rejection until the deadline (a Beijing calendar day, inclusive). */
function appealOpen(application: Application): boolean {
  const decision = application.decision;
  if (application.status !== 'rejected' || application.appeal || !decision?.appealDeadline) return false;
  return todayInBeijing() <= decision.appealDeadline;
}

type Props = {
  application: Application;
  programme: ProgrammeForApplication;
  staff: boolean;
  onChanged: () => Promise<void>;
};

/** The appeal: what was filed and how it stands, or (for the firm, in time) the form to file one. */
export function AppealSection({ application, programme, staff, onChanged }: Props) {
  const { language, t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const hadAppeal = useRef(Boolean(application.appeal));
  // Just filed: the form is gone, so move focus to the appeal as it now stands.
  useEffect(() => {
    if (application.appeal && !hadAppeal.current) heading.current?.focus();
    hadAppeal.current = Boolean(application.appeal);
  }, [application.appeal]);

  if (application.appeal) {
    return (
      <section className="section" aria-labelledby="appeal-heading" id="appeal">
        <h2 id="appeal-heading" className="focus-heading" tabIndex={-1} ref={heading}>
          {t('appeal.title')}
        </h2>
        <AppealSummary applicationId={application.id} appeal={application.appeal} />
      </section>
    );
  }
  if (staff || application.status !== 'rejected' || !application.decision?.appealDeadline) return null;
  if (!appealOpen(application)) {
    return (
      <section className="section" aria-labelledby="appeal-heading" id="appeal">
        <h2 id="appeal-heading">{t('appeal.title')}</h2>
        <p id="appeal-closed">{t('appeal.windowClosed', { date: formatDate(application.decision.appealDeadline, language) })}</p>
      </section>
    );
  }
  return <AppealForm application={application} programme={programme} onFiled={onChanged} />;
}

function AppealSummary({ applicationId, appeal }: { applicationId: string; appeal: Appeal }) {
  const { language, t } = useI18n();
  return (
    <dl className="summary-list" id="appeal-summary" data-status={appeal.status}>
      <div className="summary-list__row">
        <dt>{t('appeal.filedAt')}</dt>
        <dd>{formatDateTime(appeal.filedAt, language)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('appeal.status')}</dt>
        <dd>
          <span className={`status status--appeal-${appeal.status}`} id="appeal-status">
            {appealStatusText(appeal.status, t)}
          </span>
        </dd>
      </div>
      {appeal.score !== null && (
        <div className="summary-list__row">
          <dt>{t('appeal.score')}</dt>
          <dd>{formatFixed2(appeal.score, language)}</dd>
        </div>
      )}
      <div className="summary-list__row">
        <dt>{t('appeal.reasons')}</dt>
        <dd className="score-comment">{appeal.reasons}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('appeal.evidence')}</dt>
        <dd>
          {appeal.documents.length === 0 ? (
            t('appeal.noEvidence')
          ) : (
            <ul className="plain-list">
              {appeal.documents.map((document) => (
                <li key={document.id}>
                  <a href={`/api/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(document.id)}`} download={document.filename}>
                    {document.filename}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

function AppealForm({ application, programme, onFiled }: { application: Application; programme: ProgrammeForApplication; onFiled: () => Promise<void> }) {
  const { language, t } = useI18n();
  const [documents, setDocuments] = useState<ApplicationDocument[]>(application.documents.filter((d) => d.kind === APPEAL_EVIDENCE));
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const reasonsError = errors.find((item) => item.fieldId === 'appeal-reasons')?.message;
  // The evidence upload reuses the documents checklist with the one kind an appeal takes.
  const evidenceProgramme: ProgrammeForApplication = {
    code: programme.code,
    name: programme.name,
    documents: [{ kind: APPEAL_EVIDENCE, required: false, label: t('appeal.evidence') }],
  };

  function fail(items: ErrorSummaryItem[]) {
    setConfirming(false);
    setErrors(items);
    setAttempts((n) => n + 1);
  }

  function handleStart() {
    const length = reasons.trim().length;
    if (length < 10 || length > 5000) return fail([{ fieldId: 'appeal-reasons', message: t('appeal.errors.reasons') }]);
    setErrors([]);
    setConfirming(true);
  }

  async function handleConfirm() {
    setBusy(true);
    try {
      await fileAppeal(application.id, reasons.trim(), documents.map((document) => document.id));
      setConfirming(false);
      await onFiled();
    } catch (error) {
      const items = errorSummaryItems(error, (field) => field === 'reasons' ? 'appeal-reasons' : undefined, t);
      fail(items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section wizard-section" aria-labelledby="appeal-heading" id="appeal">
      <h2 id="appeal-heading">{t('appeal.formTitle')}</h2>
      <p>{t('appeal.intro', { date: formatDate(application.decision?.appealDeadline, language) })}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <DocumentsSection applicationId={application.id} programme={evidenceProgramme} documents={documents} onChange={setDocuments} editable errors={{}} />
      <form
        className="form"
        id="appeal-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          handleStart();
        }}
        aria-busy={busy || undefined}
      >
        <TextAreaField
          id="appeal-reasons"
          label={t('appeal.reasons')}
          hint={t('appeal.reasonsHint')}
          value={reasons}
          onChange={setReasons}
          error={reasonsError}
          required
          rows={6}
          maxLength={5000}
        />
        {!confirming && (
          <button className="button" type="submit" id="appeal-submit">
            {t('appeal.submit')}
          </button>
        )}
      </form>
      {confirming && (
        <ConfirmStep
          id="appeal-confirm"
          title={t('appeal.confirmTitle')}
          confirmLabel={t('appeal.confirm')}
          busyLabel={t('appeal.submitting')}
          cancelLabel={t('appeal.cancel')}
          busy={busy}
          onConfirm={() => void handleConfirm()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('appeal.confirmBody', { count: documents.length })}</p>
        </ConfirmStep>
      )}
    </section>
  );
}
