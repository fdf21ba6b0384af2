// Ranking and the funding line, as pure functions over what the database holds.
//
// Order: the application's score (moderated where moderated), highest first. Ties: the earlier submission first
// (the call's rules reward the firm that was ready first), then the application id, so the order never depends
// on the database's row order.
//
// The line: walking the ranking, each undecided (scored) application with a known amount is proposed while the
// budget left after commitments covers it; the first one it does not cover draws the line, and nothing below it
// is proposed, even a smaller amount that would fit (jumping the line would break the ranking's fairness).
export type Rankable = {
  applicationId: string;
  status: string;
  score: number;
  submittedAt: string | null;
  awardAmount: number | null;
};

export const TIE_BREAK = {
  zh: '按得分从高到低排序；得分相同的，提交时间早者在前；仍相同的，按申报编号排序。资金线：按排序依次安排，预算不足以安排下一项时划线，线下各项不再安排。',
  en: 'Ranked by score, highest first; on equal scores the earlier submission comes first, then the application id. Funding line: applications are funded in rank order until the remaining budget cannot cover the next one; nothing below that line is funded.',
};

export function compareRanking(a: Rankable, b: Rankable): number {
  if (a.score !== b.score) return b.score - a.score;
  const at = a.submittedAt ? Date.parse(a.submittedAt) : Number.POSITIVE_INFINITY;
  const bt = b.submittedAt ? Date.parse(b.submittedAt) : Number.POSITIVE_INFINITY;
  if (at !== bt) return at - bt;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

export function drawFundingLine<T extends Rankable>(items: T[], budget: { total: number; committed: number }) {
  const ranked = [...items].sort(compareRanking);
  let available = budget.total - budget.committed;
  let proposed = 0;
  let lineDrawn = false;
  let lineAfterRank: number | null = null;
  const rows = ranked.map((item, index) => {
    let aboveLine = false;
    if (!lineDrawn && item.status === 'scored') {
      if (item.awardAmount !== null && item.awardAmount <= available) {
        aboveLine = true;
        available -= item.awardAmount;
        proposed += item.awardAmount;
      } else {
        lineDrawn = true;
      }
    }
    if (!lineDrawn) lineAfterRank = index + 1;
    return { ...item, rank: index + 1, aboveLine };
  });
  return {
    items: rows,
    lineAfterRank: rows.some((r) => r.aboveLine) ? lineAfterRank : null,
    budget: { total: budget.total, committed: budget.committed, proposed, remaining: budget.total - budget.committed - proposed },
  };
}
