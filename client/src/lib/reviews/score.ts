/** A panel's combined score, as the API sends it (panels, moderation and decisions all show it). */
import type { ItemMap } from './rubric';

/** The panel's combined score, once reviews are in; `flagged` when the totals spread too far. */
export type PanelScore = {
  mean: { items: ItemMap<number>; total: number };
  spread: number;
  flagged: boolean;
  final: number;
  moderated: null | { total: number; reason: string; by: ModeratedBy; at: string };
};

/** Who moderated: the contract leaves open whether this is a name or an object with one. */
export type ModeratedBy = string | { displayName: string };
