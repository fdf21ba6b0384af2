import { useState } from 'react';
import type { ErrorSummaryItem } from '../../../components/ui/error-summary';
import { useT } from '../../../lib/i18n';
import { describeMfaError, isInvalidMfaCode, mfaFieldErrors } from '../mfa';

/**
 * The state of a form with one code field (authenticator code or recovery code): its error beside the field,
 * errors about the form as a whole, the error summary's items and focus signal, and whether it is being sent.
 */
export function useCodeForm(fieldId: string) {
  const t = useT();
  const [fieldError, setFieldError] = useState('');
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...(fieldError ? [{ fieldId, message: fieldError }] : []),
  ];

  function fail(onField: string, onForm: string[]) {
    setFieldError(onField);
    setGeneral(onForm);
    setFailed((n) => n + 1);
  }

  return {
    fieldError,
    summary,
    failed,
    busy,
    setBusy,
    /** A problem with what was typed, found before sending. */
    failOnField: (message: string) => fail(message, []),
    /** A problem with the form as a whole, e.g. a network failure. */
    failOnForm: (message: string) => fail('', [message]),
    /**
     * A failed request: a wrong or reused code, or the server's field error (`serverField`, e.g. "code"), goes
     * beside the field (and in the summary, linked to it); anything else goes in the summary alone.
     */
    failWith(error: unknown, serverField: string) {
      const onField = mfaFieldErrors(error, { [serverField]: fieldId })[0]?.message ?? (isInvalidMfaCode(error) ? describeMfaError(error, t) : '');
      fail(onField, onField ? [] : [describeMfaError(error, t)]);
    },
    clear() {
      setFieldError('');
      setGeneral([]);
    },
  };
}
