import { useState } from 'react';
import type { ErrorSummaryItem } from '../../../components/ui/error-summary';
import { useT } from '../../../lib/i18n';
import { describeMfaError, isInvalidEmailCode, isInvalidMfaCode, mfaFieldErrors } from '../mfa';

/** Errors beside fields, by the input's id. */
type FieldErrors = Record<string, string>;

/**
 * The state of a form with one code field (authenticator code or recovery code): its error beside the field,
 * errors about the form as a whole, the error summary's items and focus signal, and whether it is being sent.
 *
 * A form with more fields (setting up at sign-in also asks for the code from the e-mail) lists all their ids in
 * `fieldOrder`, in the order they appear, so that the error summary follows the page; `fieldId` stays the code field.
 */
export function useCodeForm(fieldId: string, fieldOrder: readonly string[] = [fieldId]) {
  const t = useT();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...fieldOrder.flatMap((id) => (fieldErrors[id] ? [{ fieldId: id, message: fieldErrors[id] }] : [])),
  ];

  function fail(onFields: FieldErrors, onForm: string[]) {
    setFieldErrors(onFields);
    setGeneral(onForm);
    setFailed((n) => n + 1);
  }

  return {
    fieldError: fieldErrors[fieldId] ?? '',
    /** The error beside any of the form's fields (by the input's id). */
    errorOn: (id: string) => fieldErrors[id] ?? '',
    summary,
    failed,
    busy,
    setBusy,
    /** A problem with what was typed, found before sending. */
    failOnField: (message: string) => fail({ [fieldId]: message }, []),
    /** Problems with what was typed in several fields, by the input's id (fields without a problem are left out). */
    failOnFields: (messages: Record<string, string | undefined>) =>
      fail(Object.fromEntries(Object.entries(messages).filter((entry): entry is [string, string] => !!entry[1])), []),
    /** A problem with the form as a whole, e.g. a network failure. */
    failOnForm: (message: string) => fail({}, [message]),
    /**
     * A failed request: a wrong or reused code, or the server's field error (`serverField`, e.g. "code"), goes
     * beside the field (and in the summary, linked to it); anything else goes in the summary alone. `otherFields`
     * maps the server's names of the form's other fields to their inputs' ids, e.g. { emailCode: 'mfa-email-code' }:
     * their field errors go beside them, and so does a wrong e-mailed code (401 invalid_email_code).
     */
    failWith(error: unknown, serverField: string, otherFields: Record<string, string> = {}) {
      const onFields: FieldErrors = {};
      for (const { fieldId: id, message } of mfaFieldErrors(error, { ...otherFields, [serverField]: fieldId })) {
        if (!(id in onFields)) onFields[id] = message;
      }
      if (Object.keys(onFields).length === 0) {
        const wrongCodeField = isInvalidMfaCode(error) ? fieldId : isInvalidEmailCode(error) ? otherFields.emailCode : undefined;
        if (wrongCodeField) onFields[wrongCodeField] = describeMfaError(error, t);
      }
      fail(onFields, Object.keys(onFields).length > 0 ? [] : [describeMfaError(error, t)]);
    },
    clear() {
      setFieldErrors({});
      setGeneral([]);
    },
  };
}
