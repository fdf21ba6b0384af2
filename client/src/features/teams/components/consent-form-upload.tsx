import { useRef, useState } from 'react';
import { FileField, UploadProgress, uploadPercent, type UploadInProgress } from '../../../components/ui/file-upload';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { uploadConsentForm } from '../api/upload-consent-form';
import type { ConsentForm, Member } from '../types';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ALLOWED = /\.(pdf|jpe?g|png)$/i;

type Props = {
  teamId: string;
  member: Member;
  onUploaded: (form: ConsentForm) => void | Promise<void>;
  onCancel: () => void;
};

/** The member's signed consent form, uploaded with the same progress display as an application's evidence. */
export function ConsentFormUpload({ teamId, member, onUploaded, onCancel }: Props) {
  const { t } = useI18n();
  const [upload, setUpload] = useState<UploadInProgress | null>(null);
  const [error, setError] = useState('');
  const counter = useRef(0);

  async function handleFiles(files: File[]) {
    const file = files[0];
    if (!file || upload) return;
    setError('');
    // The server checks again; this spares sending 20 MB only to have it refused.
    if (!ALLOWED.test(file.name)) return setError(t('consentUpload.errors.type', { name: file.name }));
    if (file.size > MAX_BYTES) return setError(t('consentUpload.errors.size', { name: file.name }));
    const key = ++counter.current;
    setUpload({ key, name: file.name, percent: 0 });
    try {
      const form = await uploadConsentForm(teamId, member.id, file, (loaded, total) => {
        const percent = uploadPercent(loaded, total);
        setUpload((current) => (current?.key === key ? { ...current, percent } : current));
      });
      setUpload(null);
      await onUploaded(form);
    } catch (failure) {
      setUpload(null);
      setError(`${file.name}: ${describeError(failure, t)}`);
    }
  }

  return (
    <>
      <p>{t('consentUpload.explain')}</p>
      {member.consentRecord.form && <p id="consent-form-current">{t('consentUpload.current', { filename: member.consentRecord.form.filename })}</p>}
      {upload && <UploadProgress upload={upload} />}
      <FileField
        id="consent-form-file"
        label={t('consentUpload.label', { name: member.name })}
        hint={t('consentUpload.formats')}
        accept={ACCEPT}
        error={error}
        onFiles={(files) => void handleFiles(files)}
      />
      <div className="visually-hidden" role="status" aria-live="polite">
        {upload ? t('documents.uploadingCount', { count: 1 }) : ''}
      </div>
      <div className="button-row">
        <button className="button button--secondary" type="button" id="consent-form-cancel" onClick={onCancel}>
          {t('memberForm.cancel')}
        </button>
      </div>
    </>
  );
}
