import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';

import { formatDateTime } from '../../../lib/datetime';
import { errorSummaryItems } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { submitObjection } from '../api/submit-objection';
import type { NoticeItem, ObjectionReceipt } from '../types';

const IDS = {
  applicationId: 'objection-application',
  name: 'objection-name',
  contact: 'objection-contact',
  organisation: 'objection-organisation',
  content: 'objection-content',
} as const;

type Field = keyof typeof IDS;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{7,20}$/;

const EMPTY: Record<Field, string> = { applicationId: '', name: '', contact: '', organisation: '', content: '' };

/** A named objection to one firm on an open notice; the visitor gets a reference to quote. */
export function ObjectionForm({ noticeId, items }: { noticeId: string; items: NoticeItem[] }) {
  const { language, t } = useI18n();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const receiptRef = useRef<HTMLParagraphElement>(null);
  const listed = items.filter((item) => item.status === 'listed');
  const fieldError = (field: Field) => errors.find((item) => item.fieldId === IDS[field])?.message;
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  function check(): ErrorSummaryItem[] {
    const problems: ErrorSummaryItem[] = [];
    const name = values.name.trim();
    const contact = values.contact.trim();
    const content = values.content.trim();
    if (!values.applicationId) problems.push({ fieldId: IDS.applicationId, message: t('objection.errors.application') });
    if (name.length < 2 || name.length > 50) problems.push({ fieldId: IDS.name, message: t('objection.errors.name') });
    if (!EMAIL.test(contact) && !PHONE.test(contact)) problems.push({ fieldId: IDS.contact, message: t('objection.errors.contact') });
    if (content.length < 10 || content.length > 5000) problems.push({ fieldId: IDS.content, message: t('objection.errors.content') });
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
    setReceipt(null);
    try {
      const organisation = values.organisation.trim();
      const answer = await submitObjection(noticeId, {
        applicationId: values.applicationId,
        name: values.name.trim(),
        contact: values.contact.trim(),
        organisation: organisation || undefined,
        content: values.content.trim(),
      });
      setValues(EMPTY);
      setReceipt(answer);
    } catch (error) {
      const fromServer = errorSummaryItems(error, (field) => IDS[field as Field], t);
      setErrors(fromServer);
      setAttempts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const applicationError = fieldError('applicationId');
  return (
    <section className="section" aria-labelledby="objection-heading">
      <h2 id="objection-heading">{t('objection.title')}</h2>
      <div className="notice notice--info">
        <p>{t('objection.realName')}</p>
      </div>
      {receipt && (
        <Notice kind="success">
          <p className="notice__title focus-heading" id="objection-received" tabIndex={-1} ref={receiptRef}>
            {t('objection.received', { reference: receipt.reference, at: formatDateTime(receipt.receivedAt, language) })}
          </p>
          <p>{t('objection.receivedNext')}</p>
        </Notice>
      )}
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form narrow" id="objection-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className={applicationError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={IDS.applicationId}>
            {t('objection.application')}
          </label>
          {applicationError && (
            <p className="field__error" id={`${IDS.applicationId}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {applicationError}
            </p>
          )}
          <select
            className="field__input field__select"
            id={IDS.applicationId}
            name="applicationId"
            value={values.applicationId}
            onChange={(event) => set('applicationId')(event.target.value)}
            aria-invalid={applicationError ? true : undefined}
            aria-describedby={applicationError ? `${IDS.applicationId}-error` : undefined}
          >
            <option value="">{t('objection.chooseFirm')}</option>
            {listed.map((item) => (
              <option key={item.applicationId} value={item.applicationId}>
                {t('objection.firmOption', { name: item.company.name, uscc: item.company.uscc })}
              </option>
            ))}
          </select>
        </div>
        <TextField id={IDS.name} label={t('objection.name')} hint={t('objection.nameHint')} value={values.name} onChange={set('name')} error={fieldError('name')} autoComplete="name" required />
        <TextField
          id={IDS.contact}
          label={t('objection.contact')}
          hint={t('objection.contactHint')}
          value={values.contact}
          onChange={set('contact')}
          error={fieldError('contact')}
          autoComplete="email"
          spellCheck={false}
          required
        />
        <TextField
          id={IDS.organisation}
          label={t('objection.organisation')}
          value={values.organisation}
          onChange={set('organisation')}
          error={fieldError('organisation')}
          autoComplete="organization"
        />
        <TextAreaField
          id={IDS.content}
          label={t('objection.content')}
          hint={t('objection.contentHint')}
          value={values.content}
          onChange={set('content')}
          error={fieldError('content')}
          required
          rows={6}
          maxLength={5000}
        />
        <button className="button" type="submit" id="objection-submit">
          {busy ? t('objection.submitting') : t('objection.submit')}
        </button>
      </form>
    </section>
  );
}
