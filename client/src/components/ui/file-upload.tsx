import type { ChangeEvent } from 'react';
import { useT } from '../../lib/i18n';

/** A file on its way to the server, as XMLHttpRequest reports it. */
export type UploadInProgress = { key: number; name: string; percent: number };

/** Percent of a file sent so far, from the bytes the browser reports. */
export function uploadPercent(loaded: number, total: number): number {
  return total > 0 ? Math.round((loaded / total) * 100) : 0;
}

/** One file being sent: its name and how far along it is, as text and as a progress bar. */
export function UploadProgress({ upload }: { upload: UploadInProgress }) {
  const t = useT();
  const id = `progress-${upload.key}`;
  return (
    <div className="upload-progress">
      <label className="upload-progress__label" htmlFor={id}>
        {t('documents.uploading', { name: upload.name, percent: upload.percent })}
      </label>
      <progress
        className="upload-progress__bar"
        id={id}
        role="progressbar"
        max={100}
        value={upload.percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={upload.percent}
      />
    </div>
  );
}

type FileFieldProps = {
  /** Used as both id and name, so tests and error-summary links can find the input. */
  id: string;
  label: string;
  /** Which files are accepted, in words (formats and size). */
  hint: string;
  /** The `accept` attribute: extensions and media types. */
  accept: string;
  error?: string;
  onFiles: (files: File[]) => void;
};

/**
 * A labelled file input that hands the chosen files over and empties itself, so the same file can be
 * chosen again after a failed upload. The error is an alert: it appears after the upload, not on submit.
 */
export function FileField({ id, label, hint, accept, error, onFiles }: FileFieldProps) {
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length > 0) onFiles(files);
  }
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <input
        className="field__file"
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={handleChange}
      />
    </div>
  );
}
