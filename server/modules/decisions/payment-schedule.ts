// How an approved amount is paid, by programme (shared/policy): the talent-team scheme pays in tranches tied to the
// mid-term review, acceptance and sales targets; the other schemes pay once, after the public notice. Integer yuan:
// every tranche is rounded down and the remainder goes to the last one, so the tranches always add up to the amount.
type Bilingual = { zh: string; en: string };
export type Payment = { label: Bilingual; amount: number; when: Bilingual };
type AwardLine = { item: string; amount: number };

function split(amount: number, shares: number[]): number[] {
  const parts = shares.map((share) => Math.floor(amount * share));
  parts[parts.length - 1] += amount - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const afterNotice: Bilingual = { zh: '公示期满无异议后一次性拨付', en: 'Paid in one sum once the public notice ends without a valid objection' };

export function paymentSchedule(programme: string, amount: number, award: { amount: number; breakdown: AwardLine[] } | null): Payment[] {
  if (amount <= 0) return [];
  if (programme !== 'talent-team' || !award || award.amount <= 0) {
    return [{ label: { zh: '一次性资助', en: 'One-off support' }, amount, when: afterNotice }];
  }
  // an amount lowered by the officer lowers both streams in proportion
  const talentAward = award.breakdown.find((line) => line.item === 'talent-funding')?.amount ?? 0;
  const [talent, project] = split(amount, [talentAward / award.amount, 1 - talentAward / award.amount]);
  const [talentFirst, talentSecond] = split(talent, [0.5, 0.5]);
  const [projectMid, projectAcceptance, projectSales] = split(project, [0.3, 0.5, 0.2]);
  const payments: Payment[] = [
    { label: { zh: '人才经费（第一期 50%）', en: 'Talent funding (first 50%)' }, amount: talentFirst, when: { zh: '立项公示期满后拨付', en: 'After the public notice of the approval' } },
    { label: { zh: '人才经费（第二期 50%）', en: 'Talent funding (second 50%)' }, amount: talentSecond, when: { zh: '第二年中期评估通过后拨付', en: 'After the mid-term review in year 2' } },
    { label: { zh: '项目经费（30%）', en: 'Project funding (30%)' }, amount: projectMid, when: { zh: '中期评估通过后拨付', en: 'After the mid-term review' } },
    { label: { zh: '项目经费（50%）', en: 'Project funding (50%)' }, amount: projectAcceptance, when: { zh: '项目验收通过后拨付', en: 'After acceptance of the project' } },
    { label: { zh: '项目经费（20%）', en: 'Project funding (20%)' }, amount: projectSales, when: { zh: '达到约定销售目标后拨付', en: 'When the agreed sales targets are met' } },
  ];
  return payments.filter((p) => p.amount > 0);
}
