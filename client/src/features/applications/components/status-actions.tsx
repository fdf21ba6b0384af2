import { useState, type FormEvent } from 'react';
import { Notice } from '../../../components/ui/notice';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { returnApplication } from '../api/return-application';
import { withdrawApplication } from '../api/withdraw-application';
import { canReturn, canWithdraw } from '../status';
import type { Application } from '../types';

function NoteField({ id, label, hint, value, onChange, error }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <textarea
        className="field__input field__textarea"
        id={id}
        name={id}
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
}

/** The firm withdraws: a confirmation step with an optional note. */
export function WithdrawControl({ application, onDone }: { application: Application; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!canWithdraw(application.status)) return null;

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await withdrawApplication(application.id, note.trim() || undefined);
      setConfirming(false);
      await onDone();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t('withdraw.title')}</h2>
      {!confirming ? (
        <>
          <p>{t('withdraw.explain')}</p>
          <button className="button button--secondary" type="button" id="withdraw-start" onClick={() => setConfirming(true)}>
            {t('withdraw.button')}
          </button>
        </>
      ) : (
        <form className="form confirm-box" onSubmit={(event) => void handleConfirm(event)} noValidate aria-busy={busy || undefined}>
          <p className="notice__title">{t('withdraw.confirmQuestion')}</p>
          <NoteField id="withdraw-note" label={t('withdraw.noteLabel')} value={note} onChange={setNote} />
          {error && <Notice kind="error"><p>{error}</p></Notice>}
          <div className="button-row">
            <button className="button button--danger" type="submit" id="withdraw-confirm">
              {t('withdraw.confirm')}
            </button>
            <button className="button button--secondary" type="button" onClick={() => setConfirming(false)}>
              {t('withdraw.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Officer: return the application to the firm for more information (a note is required). */
export function ReturnControl({ application, onDone }: { application: Application; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canReturn(application.status)) return done ? <Notice kind="success"><p>{t('return.done')}</p></Notice> : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim()) {
      setFieldError(t('return.noteRequired'));
      document.getElementById('return-note')?.focus();
      return;
    }
    setFieldError('');
    setBusy(true);
    setError('');
    try {
      await returnApplication(application.id, note.trim());
      setDone(true);
      setNote('');
      await onDone();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="return-heading">
      <h2 id="return-heading">{t('return.title')}</h2>
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy || undefined}>
        <NoteField id="return-note" label={t('return.noteLabel')} hint={t('return.noteHint')} value={note} onChange={setNote} error={fieldError} />
        {error && <Notice kind="error"><p>{error}</p></Notice>}
        <button className="button" type="submit">
          {t('return.button')}
        </button>
      </form>
    </section>
  );
}
