import type { MessageKey, Translate } from '../i18n';

/** Words for a recognition request's state and outcome, and the policy's hints on each points item. */
const STATUS: Record<string, MessageKey> = {
  none: 'recognitionStatus.none',
  draft: 'recognitionStatus.draft',
  submitted: 'recognitionStatus.submitted',
  confirmed: 'recognitionStatus.confirmed',
};

const OUTCOME: Record<string, MessageKey> = {
  eligible: 'recognitionOutcome.eligible',
  ineligible: 'recognitionOutcome.ineligible',
};

/** How to gain points on each item, from the policy's points table (广州市积分制入户积分指标及分值表). */
const HINT: Record<string, MessageKey> = {
  'PT-B1a': 'pointsHint.PT-B1a',
  'PT-B1b': 'pointsHint.PT-B1b',
  'PT-B1c': 'pointsHint.PT-B1c',
  'PT-B2': 'pointsHint.PT-B2',
  'PT-B3': 'pointsHint.PT-B3',
  'PT-B4': 'pointsHint.PT-B4',
  'PT-P1': 'pointsHint.PT-P1',
  'PT-P2a': 'pointsHint.PT-P2a',
  'PT-P2b': 'pointsHint.PT-P2b',
  'PT-P4a': 'pointsHint.PT-P4a',
  'PT-P4b': 'pointsHint.PT-P4b',
  'PT-P5': 'pointsHint.PT-P5',
  'PT-P6': 'pointsHint.PT-P6',
};

/** Names of the items only an officer enters (the calculation has no label for them). */
const OFFICER_ITEM_LABEL: Record<string, MessageKey> = {
  'PT-P5': 'pointsItem.PT-P5',
  'PT-P6': 'pointsItem.PT-P6',
};

export const recognitionStatusText = (status: string | null | undefined, t: Translate) => t(STATUS[status ?? 'none'] ?? STATUS.none);
export const recognitionOutcomeText = (outcome: string | null | undefined, t: Translate) => (outcome && OUTCOME[outcome] ? t(OUTCOME[outcome]) : '—');
export const pointsHintText = (item: string, t: Translate) => (HINT[item] ? t(HINT[item]) : '');
export const officerItemLabel = (item: string, t: Translate) => (OFFICER_ITEM_LABEL[item] ? t(OFFICER_ITEM_LABEL[item]) : item);
