import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { RECOVERY_CODES_FILE } from '../mfa';

type Props = {
  codes: string[];
  /** 1 when the codes are the page's own step (sign-in), 2 inside the account security page. */
  headingLevel: 1 | 2;
  /** Called with the "I have saved them" box ticked. */
  onDone: () => void;
};

/**
 * New recovery codes, shown once: the list, Copy and Download (.txt), and a box to tick before going on.
 * Its heading takes focus when it appears, so the change is read out.
 */
export function RecoveryCodes({ codes, headingLevel, onDone }: Props) {
  const { language, t } = useI18n();
  const { user } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function handleCopy() {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(codes.join('\n'));
      setStatus(t('mfa.codes.copied'));
    } catch {
      // No clipboard (an insecure page) or permission refused: the list can still be selected or downloaded.
      setStatus(t('mfa.codes.copyFailed'));
    }
  }

  function handleDownload() {
    const lines = [
      t('mfa.codes.fileTitle'),
      ...(user?.email ? [t('mfa.codes.fileAccount', { email: user.email })] : []),
      t('mfa.codes.fileCreated', { time: formatDateTime(new Date().toISOString(), language) }),
      t('mfa.codes.fileOnce'),
      '',
      ...codes,
      '',
    ];
    const url = URL.createObjectURL(new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = RECOVERY_CODES_FILE;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next turn: some browsers start the download only after click() returns.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(t('mfa.codes.downloaded', { file: RECOVERY_CODES_FILE }));
  }

  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-heading">
      <Heading className={headingLevel === 1 ? 'page-heading' : 'focus-heading'} id="recovery-codes-heading" tabIndex={-1} ref={heading}>
        {t('mfa.codes.title')}
      </Heading>
      <p>{t('mfa.codes.intro')}</p>
      <p>
        <strong>{t('mfa.codes.once')}</strong>
      </p>
      <ol className="recovery-codes__list" id="recovery-codes" aria-labelledby="recovery-codes-heading">
        {codes.map((code) => (
          <li key={code} className="recovery-codes__code">
            {code}
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button className="button button--secondary" type="button" id="recovery-codes-copy" onClick={() => void handleCopy()}>
          {t('mfa.codes.copy')}
        </button>
        <button className="button button--secondary" type="button" id="recovery-codes-download" onClick={handleDownload}>
          {t('mfa.codes.download')}
        </button>
      </div>
      <p className="form-status" id="recovery-codes-status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="choice">
        <input className="choice__input" type="checkbox" id="recovery-codes-saved" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label className="choice__label" htmlFor="recovery-codes-saved">
          {t('mfa.codes.saved')}
        </label>
      </div>
      <button className="button recovery-codes__done" type="button" id="recovery-codes-done" disabled={!saved} onClick={onDone}>
        {t('mfa.codes.continue')}
      </button>
    </section>
  );
}
