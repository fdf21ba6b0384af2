import type { Localized } from '../../lib/i18n';

export type RuleSetKind = 'eligibility' | 'award';

export type RuleSetParameter = {
  id: string;
  criterion: string;
  label?: Localized | string;
  value: unknown;
  unit?: string;
  source?: string;
  evidence?: string;
};

/** A call using a version: the server may send a count, ids, or call objects. */
export type CallRef = string | number | { id?: string | number; title?: string | Localized };

export type RuleSetVersion = {
  id: string;
  programme: string;
  kind: RuleSetKind;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  parameters: RuleSetParameter[];
  note?: string | null;
  createdAt?: string | null;
  createdBy?: string | number | { id?: string | number; email?: string; displayName?: string } | null;
  callsUsing?: number | CallRef[] | null;
};

export type RuleSetList = { items: RuleSetVersion[]; total: number };

export type NewRuleSetVersion = {
  basedOn: { id: string; version: number };
  effectiveFrom: string;
  effectiveTo?: string | null;
  note: string;
  parameters: Record<string, unknown>;
};

/** The parts of GET /api/programmes/:code this page uses (name, criteria labels, enum labels). */
export type ProgrammeInfo = {
  code: string;
  name: Localized;
  factSchema?: Record<string, unknown>;
  criteria?: { id: string; label?: Localized | string; citation?: string }[];
};

export type ProgrammeListItem = { code: string; name: Localized; summary?: Localized };
