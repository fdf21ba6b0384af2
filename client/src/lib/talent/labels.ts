import type { MessageKey, Translate } from '../i18n';

/** Words for a talent-team member's role and consent, shared by the roster and the member's consent page. */
const MEMBER_ROLE: Record<string, MessageKey> = {
  leader: 'memberRole.leader',
  core: 'memberRole.core',
  member: 'memberRole.member',
};

const CONSENT_STATUS: Record<string, MessageKey> = {
  none: 'consentStatus.none',
  requested: 'consentStatus.requested',
  given: 'consentStatus.given',
  withdrawn: 'consentStatus.withdrawn',
};

const CONSENT_METHOD: Record<string, MessageKey> = {
  firm_attestation: 'consentMethod.firm_attestation',
  member_confirmation: 'consentMethod.member_confirmation',
};

function lookup(table: Record<string, MessageKey>, code: string | null | undefined, t: Translate): string {
  if (!code) return '';
  const key = table[code];
  return key ? t(key) : code;
}

export const memberRoleText = (role: string, t: Translate) => lookup(MEMBER_ROLE, role, t);
export const consentStatusText = (status: string, t: Translate) => lookup(CONSENT_STATUS, status, t);
export const consentMethodText = (method: string | null, t: Translate) => lookup(CONSENT_METHOD, method, t);
