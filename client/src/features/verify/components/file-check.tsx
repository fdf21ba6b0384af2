import { useState, type ChangeEvent } from 'react';
import { useI18n } from '../../../lib/i18n';
import { sameDigest, sha256Hex } from '../sha256';

type Check = { kind: 'idle' } | { kind: 'working'; name: string } | { kind: 'done'; name: string; digest: string; match: boolean } | { kind: 'failed' };

/** The visitor picks the PDF they were given; its SHA-256 is computed here and compared with the register's. */
export function FileCheck({ expected }: { expected: string }) {
  const { t } = useI18n();
  const [check, setCheck] = useState<Check>({ kind: 'idle' });

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setCheck({ kind: 'working', name: file.name });
    try {
      const digest = await sha256Hex(file);
      setCheck({ kind: 'done', name: file.name, digest, match: sameDigest(digest, expected) });
    } catch {
      // crypto.subtle exists only in secure contexts (https or localhost).
      setCheck({ kind: 'failed' });
    }
  }

  return (
    <section className="section" aria-labelledby="file-check-heading">
      <h2 id="file-check-heading">{t('fileCheck.title')}</h2>
      <p>{t('fileCheck.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor="file-check-input">
          {t('fileCheck.label')}
        </label>
        <p className="field__hint" id="file-check-hint">
          {t('fileCheck.hint')}
        </p>
        <input className="field__file" id="file-check-input" name="file" type="file" accept=".pdf,application/pdf" aria-describedby="file-check-hint" onChange={(event) => void handleFile(event)} />
      </div>
      <div role="status" aria-live="polite" id="file-check-result" data-state={check.kind} data-match={check.kind === 'done' ? String(check.match) : undefined}>
        {check.kind === 'working' && <p>{t('fileCheck.working', { name: check.name })}</p>}
        {check.kind === 'failed' && <p className="notice notice--error">{t('fileCheck.failed')}</p>}
        {check.kind === 'done' && (
          <div className={check.match ? 'outcome-banner outcome-banner--valid' : 'outcome-banner outcome-banner--revoked'}>
            <p className="outcome-banner__title">
              <span className="outcome-banner__icon" aria-hidden="true">
                {check.match ? '✓' : '✗'}
              </span>
              {check.match ? t('fileCheck.match') : t('fileCheck.mismatch')}
            </p>
            <p>{check.match ? t('fileCheck.matchBody', { name: check.name }) : t('fileCheck.mismatchBody', { name: check.name })}</p>
            <p>
              {t('fileCheck.digest')} <code className="hash">{check.digest}</code>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
