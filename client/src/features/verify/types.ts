import type { Localized } from '../../lib/i18n';

export type VerificationStatus = 'valid' | 'superseded' | 'revoked';

/** GET /api/verify/:code */
export type Verification = {
  reference: string;
  kind: string;
  version: number;
  /** The firm's name (an object with a name is accepted too). */
  company: string | { name: string; uscc?: string };
  /** The programme code, as everywhere in the API; its name beside it. */
  programme: string;
  programmeName: Localized;
  outcome: string;
  amount: number | null;
  issuedAt: string;
  sha256: string;
  status: VerificationStatus;
  supersededBy: null | { reference: string; version: number; issuedAt: string };
};
