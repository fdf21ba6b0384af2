// The automatic assignment, as a pure function: the same input always gives the same panels.
// Per application (in the order given), it fills only the gap between the panel and the wanted size:
// first the seats the programme's rules reserve (financial experts, the technical share), then any seat,
// choosing technical experts of the application's field first and, among equals, the least loaded.
import type { PanelRules } from '../programmes/programme-requirements.ts';

export type ReviewerKind = 'technical' | 'financial';
export type PoolReviewer = { id: string; kind: ReviewerKind; fields: string[]; load: number };
export type PanelToFill = {
  applicationId: string;
  field: string | null;
  /** Reviewers on the panel now (assigned or submitted). */
  panel: { reviewerId: string; kind: ReviewerKind }[];
  /** Reviewers who may not sit: released before (conflict or unassigned) or in conflict with the firm. */
  excluded: string[];
};
export type Gap = { applicationId: string; missing: number; reason: 'no_financial_reviewer' | 'not_enough_technical' | 'not_enough_reviewers' };
export type Plan = { assignments: { applicationId: string; reviewerId: string }[]; unfilled: Gap[] };

export function seatsReserved(size: number, rules: PanelRules): { financial: number; technical: number } {
  return { financial: rules.minFinancial, technical: Math.ceil(size * rules.minTechnicalShare - 1e-9) };
}

/** The smallest size for which the rules can hold at all. */
export function smallestPanel(rules: PanelRules): number {
  let size = Math.max(1, rules.minSize);
  while (seatsReserved(size, rules).financial + seatsReserved(size, rules).technical > size) size += 1;
  return size;
}

export function planAssignments(input: { panels: PanelToFill[]; reviewers: PoolReviewer[]; size: number; rules: PanelRules }): Plan {
  const load = new Map(input.reviewers.map((r) => [r.id, r.load]));
  const byId = [...input.reviewers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reserved = seatsReserved(input.size, input.rules);
  const plan: Plan = { assignments: [], unfilled: [] };

  for (const panel of input.panels) {
    const seated = new Set([...panel.panel.map((p) => p.reviewerId), ...panel.excluded]);
    const count = (kind: ReviewerKind) => panel.panel.filter((p) => p.kind === kind).length;
    const open = Math.max(0, input.size - panel.panel.length);
    if (open === 0) continue;
    const financialNeeded = Math.min(Math.max(0, reserved.financial - count('financial')), open);
    const technicalNeeded = Math.min(Math.max(0, reserved.technical - count('technical')), open - financialNeeded);
    const free = open - financialNeeded - technicalNeeded;

    const matches = (r: PoolReviewer) => (panel.field !== null && r.fields.includes(panel.field) ? 0 : 1);
    const pick = (kind: ReviewerKind | null, expertiseFirst: boolean): PoolReviewer | null => {
      const candidates = byId.filter((r) => !seated.has(r.id) && (kind === null || r.kind === kind));
      candidates.sort((a, b) => {
        const byLoad = load.get(a.id)! - load.get(b.id)!;
        const byField = matches(a) - matches(b);
        // sort() is stable, so equal candidates stay in id order
        return expertiseFirst ? byField || byLoad : byLoad || byField;
      });
      return candidates[0] ?? null;
    };
    const seat = (reviewer: PoolReviewer) => {
      seated.add(reviewer.id);
      load.set(reviewer.id, load.get(reviewer.id)! + 1);
      plan.assignments.push({ applicationId: panel.applicationId, reviewerId: reviewer.id });
    };
    const fill = (seats: number, kind: ReviewerKind | null, expertiseFirst: boolean, reason: Gap['reason']) => {
      let filled = 0;
      for (; filled < seats; filled += 1) {
        const reviewer = pick(kind, expertiseFirst);
        if (!reviewer) break;
        seat(reviewer);
      }
      if (filled < seats) plan.unfilled.push({ applicationId: panel.applicationId, missing: seats - filled, reason });
    };

    fill(financialNeeded, 'financial', false, 'no_financial_reviewer');
    fill(technicalNeeded, 'technical', true, 'not_enough_technical');
    // free seats: a technical expert of the field if one is free, else whoever carries the least
    fill(free, null, true, 'not_enough_reviewers');
  }
  return plan;
}
