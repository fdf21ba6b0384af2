import type { MessageKey, Translate } from '../../lib/i18n';

const NOTICE_STATUS: Record<string, MessageKey> = {
  upcoming: 'noticeStatus.upcoming',
  open: 'noticeStatus.open',
  closed: 'noticeStatus.closed',
};

const ITEM_STATUS: Record<string, MessageKey> = {
  listed: 'noticeItemStatus.listed',
  revoked: 'noticeItemStatus.revoked',
};

const OBJECTION_STATUS: Record<string, MessageKey> = {
  pending: 'objectionStatus.pending',
  upheld: 'objectionStatus.upheld',
  dismissed: 'objectionStatus.dismissed',
};

function lookup(table: Record<string, MessageKey>, code: string, t: Translate): string {
  const key = table[code];
  return key ? t(key) : code;
}

export const noticeStatusText = (status: string, t: Translate) => lookup(NOTICE_STATUS, status, t);
export const noticeItemStatusText = (status: string, t: Translate) => lookup(ITEM_STATUS, status, t);
export const objectionStatusText = (status: string, t: Translate) => lookup(OBJECTION_STATUS, status, t);
