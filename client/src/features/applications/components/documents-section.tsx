import { useRef, useState } from 'react';
import { FileField, UploadProgress, uploadPercent, type UploadInProgress } from '../../../components/ui/file-upload';
import { ServerText } from '../../../components/ui/server-text';
import { describeError } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/datetime';
import { localize, useI18n } from '../../../lib/i18n';
import { deleteDocument } from '../api/delete-document';
import { uploadDocument } from '../api/upload-document';
import type { ApplicationDocument, ProgrammeForApplication } from '../types';

type Upload = UploadInProgress & { kind: string };

export function formatSize(bytes: number, language: string): string {
  const format = (value: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} B`;
}

export function documentKinds(programme: ProgrammeForApplication, documents: ApplicationDocument[]) {
  const kinds = (programme.documents ?? []).map((d) => ({ kind: d.kind, required: d.required, label: d.label }));
  for (const document of documents) {
    if (!kinds.some((k) => k.kind === document.kind)) kinds.push({ kind: document.kind, required: false, label: document.kind });
  }
  return kinds;
}

type Props = {
  applicationId: string;
  programme: ProgrammeForApplication;
  documents: ApplicationDocument[];
  onChange: (documents: ApplicationDocument[]) => void;
  editable: boolean;
  errors: Record<string, string>;
};

/** The checklist of evidence: each kind with its files, and (while editable) an upload control with progress. */
export function DocumentsSection({ applicationId, programme, documents, onChange, editable, errors }: Props) {
  const { language, t } = useI18n();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const [removeError, setRemoveError] = useState('');
  const counter = useRef(0);
  const latest = useRef(documents);
  latest.current = documents;

  async function handleFiles(kind: string, files: File[]) {
    for (const file of files) {
      const key = ++counter.current;
      setUploadErrors((current) => ({ ...current, [kind]: '' }));
      setUploads((current) => [...current, { key, kind, name: file.name, percent: 0 }]);
      try {
        const document = await uploadDocument(applicationId, kind, file, (loaded, total) => {
          const percent = uploadPercent(loaded, total);
          setUploads((current) => current.map((u) => (u.key === key ? { ...u, percent } : u)));
        });
        onChange([...latest.current, document]);
      } catch (error) {
        setUploadErrors((current) => ({ ...current, [kind]: `${file.name}: ${describeError(error, t)}` }));
      } finally {
        setUploads((current) => current.filter((u) => u.key !== key));
      }
    }
  }

  async function handleRemove(document: ApplicationDocument) {
    setRemoveError('');
    try {
      await deleteDocument(applicationId, document.id);
      onChange(latest.current.filter((d) => d.id !== document.id));
    } catch (error) {
      setRemoveError(describeError(error, t));
    }
  }

  const kinds = documentKinds(programme, documents);
  return (
    <div className="documents">
      {editable && <p className="field__hint">{t('documents.hint')}</p>}
      {removeError && (
        <p className="field__error" role="alert">
          {removeError}
        </p>
      )}
      <ul className="document-checklist">
        {kinds.map(({ kind, required, label }) => {
          const files = documents.filter((d) => d.kind === kind);
          const inputId = `upload-${kind}`;
          const error = uploadErrors[kind] || errors[inputId];
          const active = uploads.filter((u) => u.kind === kind);
          return (
            <li className="document-kind" key={kind} data-document-kind={kind} id={`documents-${kind}`}>
              <h3 className="document-kind__title">
                <ServerText value={label} />{' '}
                <span className={required ? 'tag' : 'tag tag--muted'}>{required ? t('documents.required') : t('documents.optional')}</span>{' '}
                <span className="document-kind__state">{files.length > 0 ? t('documents.uploadedCount', { count: files.length }) : t('documents.none')}</span>
              </h3>
              {files.length > 0 && (
                <ul className="uploaded-list">
                  {files.map((document) => (
                    <li className="uploaded" key={document.id} data-document-id={document.id}>
                      <a href={`/api/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(document.id)}`} download={document.filename}>
                        {document.filename}
                      </a>{' '}
                      <span className="muted">
                        {formatSize(document.size, language)} · {formatDateTime(document.uploadedAt, language)}
                      </span>
                      {editable && (
                        <button className="button button--secondary button--small" type="button" onClick={() => void handleRemove(document)}>
                          {t('documents.remove')}
                          <span className="visually-hidden">{` ${document.filename}`}</span>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {active.map((upload) => (
                <UploadProgress upload={upload} key={upload.key} />
              ))}
              {editable && (
                <FileField
                  id={inputId}
                  label={t('documents.uploadLabel', { label: localize(label, language) })}
                  hint={t('documents.formats')}
                  accept=".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png"
                  error={error}
                  onFiles={(chosen) => void handleFiles(kind, chosen)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <div className="visually-hidden" role="status" aria-live="polite">
        {uploads.length > 0 ? t('documents.uploadingCount', { count: uploads.length }) : ''}
      </div>
    </div>
  );
}
