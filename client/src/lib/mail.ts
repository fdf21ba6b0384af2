/** Words for the e-mail queue's delivery states (officer's delivery list, admin's dev mailbox). */
import type { MessageKey, Translate } from './i18n';

const MAIL_STATUS: Record<string, MessageKey> = {
  queued: 'mailStatus.queued',
  sending: 'mailStatus.sending',
  sent: 'mailStatus.sent',
  failed: 'mailStatus.failed',
};

export function mailStatusText(status: string, t: Translate): string {
  const key = MAIL_STATUS[status];
  return key ? t(key) : status;
}
