export type MemberRole = 'leader' | 'core' | 'member';

export const MEMBER_ROLES: readonly MemberRole[] = ['leader', 'core', 'member'];

export type ConsentStatus = 'none' | 'requested' | 'given' | 'withdrawn';

export type ConsentMethod = 'firm_attestation' | 'member_confirmation';

export type Consent = {
  status: ConsentStatus;
  method: ConsentMethod | null;
  /** The consent statement's version, e.g. "pipl-29-v1". */
  textVersion: string | null;
  /** When given (or withdrawn, for status withdrawn). */
  at: string | null;
  /** The signed consent form the firm uploaded. */
  form: ConsentForm | null;
  /** While a link request is pending. */
  requestExpiresAt: string | null;
};

export type ConsentForm = { id: string; filename: string };

/** A member of a talent team. The full ID number is never sent, only the masked one. */
export type Member = {
  id: string;
  name: string;
  role: MemberRole;
  email: string | null;
  /** e.g. "**************123X"; null when no ID number is held. */
  idNumberMasked: string | null;
  /** Whether the member's consent is held now (api.md). */
  consent: boolean;
  consentRecord: Consent;
  /** When the member's personal data was erased (withdrawal or retention). */
  erasedAt: string | null;
};

export type Team = {
  id: string;
  name: string;
  company: { id: string; name: string };
  applicationId: string | null;
  members: Member[];
  createdAt: string;
  updatedAt: string;
};

/** A member as the firm enters them. An ID number needs `consent: true` (PIPL art. 29). */
export type MemberInput = {
  name: string;
  role: MemberRole;
  email?: string;
  idNumber?: string;
  consent?: boolean;
};

export type MemberChanges = Partial<Omit<MemberInput, 'email'>> & { email?: string | null };

export type TeamInput = { name: string; applicationId?: string; members: MemberInput[] };

/** An application of the firm that a team can be linked to (from GET /api/applications). */
export type ApplicationOption = { id: string; callTitle: string | null; status: string };

/** POST …/reveal (officer, audited). */
export type RevealedIdNumber = { idNumber: string; revealedAt: string };
