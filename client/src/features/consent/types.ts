import type { Localized } from '../../lib/i18n';

/** GET /api/consent/:token: what the member is asked to agree to, and by whom. */
export type ConsentInvitation = {
  team: { name: string };
  company: { name: string };
  member: { name: string; role: 'leader' | 'core' | 'member' };
  /** The consent statement in full; it is the legal text and is shown as sent. */
  text: Localized;
  textVersion: string;
  expiresAt: string;
  /** 'given' when the member already consented through this link (and may withdraw here). */
  status: 'requested' | 'given';
  idNumberMasked: string | null;
};

export type ConsentGiven = { status: 'given'; idNumberMasked: string };
