import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LetterList } from '../../../components/ui/letter-list';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { isApiError } from '../../../lib/api';
import { letterKindText } from '../../../lib/decisions/labels';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { getLetters } from '../api/get-letters';
import { reissueLetter } from '../api/reissue-letter';
import type { Letter } from '../types';

type Props = {
  applicationId: string;
  /** Change this (e.g. after a decision) to load the letters again. */
  reloadSignal: number;
  onReissued: () => void;
};

/** Officer: the application's letters, each downloadable and verifiable, and reissue of a current one. */
export function LettersSection({ applicationId, reloadSignal, onReissued }: Props) {
  const { t } = useI18n();
  const [reissued, setReissued] = useState(0);
  const letters = useApiResource(`letters:${applicationId}:${reloadSignal}:${reissued}`, (signal) => getLetters(applicationId, signal));
  const [reissuing, setReissuing] = useState<Letter | null>(null);
  const [done, setDone] = useState<Letter | null>(null);

  return (
    <section className="section" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t('letters.title')}</h2>
      {done && (
        <Notice kind="success">
          <p id="reissue-done">{t('reissue.done', { reference: done.reference, version: done.version })}</p>
        </Notice>
      )}
      {letters.status === 'loading' && <Loading />}
      {letters.status === 'error' && <LoadFailed message="letters.loadFailed" error={letters.error} onRetry={letters.reload} />}
      {letters.status === 'success' && letters.data.items.length === 0 && <p id="letters-empty">{t('letters.empty')}</p>}
      {letters.status === 'success' && letters.data.items.length > 0 && (
        <LetterList
          letters={letters.data.items}
          caption={t('letters.caption', { count: letters.data.items.length })}
          actions={(letter) =>
            letter.status === 'current' ? (
              <button
                className="button button--secondary button--small"
                type="button"
                data-testid={`reissue-${letter.id}`}
                onClick={() => {
                  setDone(null);
                  setReissuing(letter);
                }}
              >
                {t('reissue.button')}
                <span className="visually-hidden">{t('letters.which', { reference: letter.reference, version: letter.version })}</span>
              </button>
            ) : null
          }
        />
      )}
      {reissuing && (
        <ReissueForm
          key={reissuing.id}
          letter={reissuing}
          onCancel={() => setReissuing(null)}
          onDone={(letter) => {
            setReissuing(null);
            setDone(letter);
            setReissued((n) => n + 1);
            onReissued();
          }}
        />
      )}
    </section>
  );
}

function ReissueForm({ letter, onCancel, onDone }: { letter: Letter; onCancel: () => void; onDone: (letter: Letter) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      setFieldError(t('reissue.errors.reason'));
      document.getElementById('reissue-reason')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setBusy(true);
    try {
      onDone(await reissueLetter(letter.id, reason.trim()));
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'reason') : undefined;
      if (problem) setFieldError(problem.message);
      else setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form narrow confirm-box confirm-box--neutral" id="reissue-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined} aria-labelledby="reissue-heading">
      <h3 id="reissue-heading" className="focus-heading" tabIndex={-1} ref={heading}>
        {t('reissue.title', { kind: letterKindText(letter.kind, t), reference: letter.reference, version: letter.version })}
      </h3>
      <p>{t('reissue.explain')}</p>
      <TextAreaField id="reissue-reason" label={t('reissue.reason')} value={reason} onChange={setReason} error={fieldError} required rows={3} />
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <div className="button-row">
        <button className="button" type="submit" id="reissue-submit">
          {busy ? t('reissue.submitting') : t('reissue.submit')}
        </button>
        <button className="button button--secondary" type="button" onClick={onCancel}>
          {t('reissue.cancel')}
        </button>
      </div>
    </form>
  );
}
