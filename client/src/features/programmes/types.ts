import type { Localized } from '../../lib/i18n';

/** Text that the server may send bilingual ({ zh, en }) or as one string. */
export type ServerText = Localized | string;

export type ProgrammeSummary = {
  code: string;
  name: Localized;
  summary: Localized;
  policyBasis?: ServerText;
};

export type ProgrammeDocument = { kind: string; required: boolean; label: ServerText };

export type RuleSetSummary = {
  id: string | number;
  version: string | number;
  effectiveFrom?: string;
  effectiveTo?: string | null;
};

/** The parts of GET /api/programmes/:code this client shows so far. */
export type ProgrammeDetail = {
  code: string;
  name: Localized;
  summary?: Localized;
  policyBasis?: ServerText;
  documents?: ProgrammeDocument[];
  ruleSet?: RuleSetSummary;
};
