// Residence-point recognition (积分入户) of a talent-team member, as the API sends it.
import type { Letter } from '../decisions/letters';
import type { PrecheckResult } from '../facts/screening-types';

export type RecognitionStatus = 'draft' | 'submitted' | 'confirmed';

/** An officer's change to one points item (or an officer-entered item, PT-P5 / PT-P6), with the reason. */
export type Adjustment = { item: string; points: number; reason: string };

/** GET /api/recognition-requests/:id (and each item of the list, which has no letters). */
export type RecognitionRequest = {
  id: string;
  team: { id: string; name: string };
  company: { id: string; name: string };
  member: { id: string; name: string; idNumberMasked: string | null };
  asOf: string;
  facts: Record<string, unknown>;
  /** The residence-points pre-check result, worded in the request's language. */
  result: PrecheckResult;
  computedPoints: number;
  status: RecognitionStatus;
  adjustments: Adjustment[];
  confirmedPoints: number | null;
  confirmedOutcome: 'eligible' | 'ineligible' | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  letters?: Letter[];
};

export type RecognitionList = { items: RecognitionRequest[]; total: number };
