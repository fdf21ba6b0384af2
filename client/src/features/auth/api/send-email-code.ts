import { api } from '../../../lib/api';
import type { MfaEmailCode } from '../mfa';

/**
 * During an "enroll" sign-in: e-mails a new six-digit code to the account's address; the previous code stops working.
 * Answers where it went and how long before another may be asked for. 429 too_many_requests (Retry-After) when asked
 * again too soon; 401 mfa_session_missing when the half-finished sign-in has expired.
 */
export function sendEnrollmentEmailCode(): Promise<MfaEmailCode> {
  return api.post('/api/auth/mfa/email-code', {});
}
