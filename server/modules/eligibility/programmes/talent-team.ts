// 羊城 innovation-team pre-check: TT-E01…E06 and the team support (talent-team.md).
import { addYears, compareDates, formatDate, parseDate, type CalendarDate } from '../dates.ts';
import { compare, floor, fromNumber, min, mul } from '../exact.ts';
import { percentOf, plainNumber, yuanEn, yuanZh } from '../format.ts';
import { numberParameter, sourceOf, stringListParameter } from '../parameters.ts';
import { readBoolean, readDate, readNumber, readObject, readString } from '../read-facts.ts';
import { bilingual, criterion, missingCriterion, overallOutcome, pendingReview } from '../results.ts';
import type { Award, Bilingual, CriterionResult, Facts, PrecheckResult, RuleSet } from '../rule-set.types.ts';

function checkCoreMembers(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'TT-E01.minCoreMembers');
  if (!Array.isArray(facts.coreMembers)) return missingCriterion('TT-E01', citation, ['coreMembers']);
  const count = facts.coreMembers.length;
  const minimum = numberParameter(ruleSet, 'TT-E01.minCoreMembers');
  if (count >= minimum) {
    return criterion('TT-E01', 'pass', citation, bilingual(`除带头人外有核心成员 ${count} 人，不少于 ${minimum} 人`, `${count} core members besides the leader, at least ${minimum} as required`), count, minimum);
  }
  return criterion(
    'TT-E01',
    'fail',
    citation,
    bilingual(`除带头人外有核心成员 ${count} 人，少于 ${minimum} 人的要求，还差 ${minimum - count} 人`, `${count} core member(s) besides the leader, below the required ${minimum}; ${minimum - count} more needed`),
    count,
    minimum,
  );
}

function checkCommitment(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'TT-E02.minCommitYears');
  const years = readNumber(facts.commitYears);
  if (years === undefined) return missingCriterion('TT-E02', citation, ['commitYears']);
  const minimum = numberParameter(ruleSet, 'TT-E02.minCommitYears');
  if (years >= minimum) {
    return criterion('TT-E02', 'pass', citation, bilingual(`承诺入选后合作 ${plainNumber(years)} 年，不少于 ${minimum} 年`, `The team commits to ${plainNumber(years)} years together, at least ${minimum} as required`), years, minimum);
  }
  return criterion(
    'TT-E02',
    'fail',
    citation,
    bilingual(`承诺入选后合作 ${plainNumber(years)} 年，少于 ${minimum} 年的要求`, `The team commits to ${plainNumber(years)} year(s), below the required ${minimum}`),
    years,
    minimum,
  );
}

function checkField(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'TT-E03.priorityFields');
  const field = readString(facts.field);
  if (field === undefined) return missingCriterion('TT-E03', citation, ['field']);
  const fields = stringListParameter(ruleSet, 'TT-E03.priorityFields');
  if (fields.includes(field)) {
    return criterion('TT-E03', 'review', citation, bilingual(`申报领域 ${field} 属于重点支持领域，须评审确认项目相符`, `Field ${field} is a priority field; a reviewer confirms the project fits`), field, fields);
  }
  return criterion('TT-E03', 'fail', citation, bilingual(`申报领域 ${field} 不属于重点支持领域`, `Field ${field} is not a priority field`), field, fields);
}

function checkLeaderRecord(leader: Record<string, unknown> | undefined): CriterionResult {
  const citation = '穗组字〔2016〕16号 创新领军团队带头人条件';
  const patent = readBoolean(leader?.inventionPatent);
  const project = readBoolean(leader?.ledMajorProject);
  if (patent === true || project === true) {
    const held = [patent ? bilingual('拥有发明专利', 'holds an invention patent') : undefined, project ? bilingual('主持过重大项目', 'led a major project') : undefined].filter(
      (entry): entry is Bilingual => entry !== undefined,
    );
    return criterion(
      'TT-E04',
      'review',
      citation,
      bilingual(`带头人${held.map((h) => h.zh).join('并')}，须评审核实`, `The leader ${held.map((h) => h.en).join(' and ')}; a reviewer verifies it`),
      { inventionPatent: patent, ledMajorProject: project },
    );
  }
  if (patent === false && project === false) {
    return criterion(
      'TT-E04',
      'fail',
      citation,
      bilingual('带头人既无发明专利，也未主持过重大项目（须具备其一）', 'The leader neither holds an invention patent nor led a major project (one is required)'),
      { inventionPatent: false, ledMajorProject: false },
    );
  }
  return missingCriterion('TT-E04', citation, [patent === undefined ? 'leader.inventionPatent' : '', project === undefined ? 'leader.ledMajorProject' : ''].filter(Boolean));
}

function checkLeaderJoined(leader: Record<string, unknown> | undefined, ruleSet: RuleSet, asOf: CalendarDate): CriterionResult {
  const citation = sourceOf(ruleSet, 'TT-E05.maxYearsSinceJoining');
  const maxYears = numberParameter(ruleSet, 'TT-E05.maxYearsSinceJoining');
  const months = numberParameter(ruleSet, 'TT-E05.joinWithinMonths');
  const joined = readDate(leader?.joinedOn);
  const commitment = readBoolean(leader?.joinCommitment);
  if (joined && compareDates(asOf, addYears(joined, maxYears)) <= 0) {
    const on = formatDate(joined);
    return criterion(
      'TT-E05',
      'pass',
      citation,
      bilingual(`带头人于 ${on} 到申报单位工作，未超过 ${maxYears} 年`, `The leader joined the applicant on ${on}, no more than ${maxYears} years ago`),
      on,
      { lastDay: formatDate(addYears(joined, maxYears)) },
    );
  }
  if (commitment === true && !joined) {
    return criterion(
      'TT-E05',
      'pass',
      citation,
      bilingual(`带头人承诺 ${months} 个月内到申报单位全职工作`, `The leader commits to join the applicant within ${months} months`),
      { joinCommitment: true },
    );
  }
  if (joined) {
    const on = formatDate(joined);
    return criterion(
      'TT-E05',
      'fail',
      citation,
      bilingual(
        `带头人于 ${on} 到申报单位工作，已超过 ${maxYears} 年（至 ${formatDate(addYears(joined, maxYears))} 止）`,
        `The leader joined the applicant on ${on}, more than ${maxYears} years ago (the limit was ${formatDate(addYears(joined, maxYears))})`,
      ),
      on,
      { lastDay: formatDate(addYears(joined, maxYears)) },
    );
  }
  return missingCriterion('TT-E05', citation, ['leader.joinedOn', 'leader.joinCommitment']);
}

function checkBudget(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'TT-E06.minProjectBudget');
  const budget = readNumber(facts.projectBudget);
  if (budget === undefined) return missingCriterion('TT-E06', citation, ['projectBudget']);
  const minimum = numberParameter(ruleSet, 'TT-E06.minProjectBudget');
  if (compare(fromNumber(budget), fromNumber(minimum)) >= 0) {
    return criterion('TT-E06', 'pass', citation, bilingual(`研发项目承诺投入 ${yuanZh(budget)}，不低于 ${yuanZh(minimum)}`, `Project budget ${yuanEn(budget)}, at least ${yuanEn(minimum)} as required`), budget, minimum);
  }
  return criterion(
    'TT-E06',
    'fail',
    citation,
    bilingual(`研发项目承诺投入 ${yuanZh(budget)}，低于 ${yuanZh(minimum)} 的要求，差 ${yuanZh(minimum - budget)}`, `Project budget ${yuanEn(budget)}, below the required ${yuanEn(minimum)} by ${yuanEn(minimum - budget)}`),
    budget,
    minimum,
  );
}

function computeAward(facts: Facts, scheme: RuleSet): { award?: Award; notes: Bilingual[] } {
  const budget = readNumber(facts.projectBudget);
  if (budget === undefined) return { notes: [bilingual('计算资助金额需要研发项目投入（projectBudget）', 'The support needs the project budget (projectBudget)')] };
  const talent = numberParameter(scheme, 'YC-TEAM.talentFunding');
  const rate = numberParameter(scheme, 'YC-TEAM.projectFundingRate');
  const cap = numberParameter(scheme, 'YC-TEAM.projectFundingCap');
  // Whole yuan: a fraction of a yuan is not paid.
  const project = Number(floor(min(mul(fromNumber(rate), fromNumber(budget)), fromNumber(cap))));
  return {
    award: {
      scheme: scheme.id,
      version: scheme.version,
      amount: talent + project,
      breakdown: [
        { item: 'talent-funding', label: bilingual('人才经费（立项时 50%，中期评估后 50%）', 'Talent funding (50% at approval, 50% after the mid-term review)'), amount: talent },
        {
          item: 'project-funding',
          label: bilingual(
            `项目经费：研发项目投入 ${yuanZh(budget)} × ${percentOf(rate)}，上限 ${yuanZh(cap)}（中期 30%、验收 50%、达成销售目标 20%）`,
            `Project funding: ${percentOf(rate)} of ${yuanEn(budget)}, cap ${yuanEn(cap)} (30% after mid-term, 50% at acceptance, 20% on sales targets)`,
          ),
          amount: project,
        },
      ],
    },
    notes: [bilingual('资助期 5 年，第 2 年中期评估；创业团队资助额度待确认，未计算', 'Five-year term with a mid-term review in year 2; start-up team amounts are to be confirmed and not computed')],
  };
}

export function evaluateTalentTeam(facts: Facts, ruleSet: RuleSet, asOf: string, awardRuleSet?: RuleSet): PrecheckResult {
  const asOfDate = parseDate(asOf);
  if (!asOfDate) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  const leader = readObject(facts.leader);
  const criteria = [
    checkCoreMembers(facts, ruleSet),
    checkCommitment(facts, ruleSet),
    checkField(facts, ruleSet),
    checkLeaderRecord(leader),
    checkLeaderJoined(leader, ruleSet, asOfDate),
    checkBudget(facts, ruleSet),
  ];
  const outcome = overallOutcome(criteria);
  const result: PrecheckResult = {
    programme: 'talent-team',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    asOf,
    outcome,
    pendingReview: pendingReview(criteria),
    criteria,
  };
  if (awardRuleSet && outcome !== 'ineligible') {
    const computed = computeAward(facts, awardRuleSet);
    if (computed.award) result.award = computed.award;
    if (computed.notes.length > 0) result.notes = computed.notes;
  }
  return result;
}
