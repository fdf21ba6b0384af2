import type { PrecheckResult } from '../../lib/facts/screening-types';
import type { RecognitionStatus } from '../../lib/recognition/types';

export type { Adjustment, RecognitionList, RecognitionRequest, RecognitionStatus } from '../../lib/recognition/types';
export type { PrecheckResult } from '../../lib/facts/screening-types';
export type { CriterionInfo } from '../../lib/facts/screening-types';

/** The residence-points programme: its fact schema (for the form) and its criteria's names. */
export type PointsProgramme = {
  code: string;
  factSchema?: Record<string, unknown>;
  criteria?: { id: string; label?: { zh: string; en: string } | string; citation?: string }[];
  ruleSet?: { id: string; version: number | string };
};

/** The member as the team's roster has them (ID number masked). */
export type TeamMember = { id: string; name: string; role: string; idNumberMasked: string | null; erasedAt: string | null };
export type PointsTeam = { id: string; name: string; company: { id: string; name: string }; members: TeamMember[] };

export type PointsInput = { facts: Record<string, unknown>; asOf?: string };

/** POST …/members/:memberId/points: the pre-check result with the request it is kept as. */
export type PointsAnswer = PrecheckResult & { request: { id: string; status: RecognitionStatus; computedPoints: number } };
