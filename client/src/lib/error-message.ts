import { NETWORK_ERROR, UNEXPECTED_RESPONSE, isApiError } from './api';
import type { Translate } from './i18n';

/** One sentence for the user about a failed request: the server's message when it gave one. */
export function describeError(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.code === NETWORK_ERROR) return t('errors.network');
  // A gateway answering for a server that is down or restarting (e.g. the dev proxy) sends no problem+json.
  if (error.code === UNEXPECTED_RESPONSE && [502, 503, 504].includes(error.status)) return t('errors.network');
  if (error.serverMessage) return error.serverMessage;
  if (error.status === 429 && error.retryAfterSeconds !== undefined) {
    return t('errors.tooManyAttempts', { seconds: error.retryAfterSeconds });
  }
  return t('errors.unexpected');
}

/**
 * The error summary's lines for a failed form submission: the server's field errors, each placed on the form's field
 * (`fieldIdOf` maps the server's field name to the input's id), or one general line when the server named no field.
 */
export function errorSummaryItems(error: unknown, fieldIdOf: (field: string) => string | undefined, t: Translate): { fieldId?: string; message: string }[] {
  const fromServer = isApiError(error) ? error.errors.map((problem) => ({ fieldId: fieldIdOf(problem.field), message: problem.message })) : [];
  return fromServer.length > 0 ? fromServer : [{ message: describeError(error, t) }];
}
