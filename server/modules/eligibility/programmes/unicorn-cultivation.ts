// Unicorn discovery pre-check: UNI-E01…E05, the category, and the 黄埔 support in force (unicorn.md).
import { addYears, compareDates, formatDate, parseDate, type CalendarDate } from '../dates.ts';
import { compare, floor, fromNumber, min, mul } from '../exact.ts';
import { percentOf, usdEn, usdZh, yuanEn, yuanZh } from '../format.ts';
import { numberMapParameter, numberParameter, sourceOf } from '../parameters.ts';
import { readBoolean, readDate, readNumber } from '../read-facts.ts';
import { bilingual, criterion, missingCriterion, overallOutcome, pendingReview } from '../results.ts';
import type { Award, AwardLine, Bilingual, CriterionResult, Facts, PrecheckResult, RuleSet } from '../rule-set.types.ts';

const CITY = '发现广州独角兽创新企业 评选条件（2017）';

type Category = 'unicorn' | 'future_unicorn';

function checkNotListed(facts: Facts): CriterionResult {
  const citation = `${CITY} 未上市`;
  const listed = readBoolean(facts.listed);
  if (listed === undefined) return missingCriterion('UNI-E01', citation, ['listed']);
  if (!listed) {
    return criterion('UNI-E01', 'pass', citation, bilingual('未在证券交易所上市（新三板挂牌不视为上市）', 'Not listed on a stock exchange (the NEEQ does not count)'), false, false);
  }
  return criterion('UNI-E01', 'fail', citation, bilingual('已在证券交易所上市，不属于发现培育对象', 'Already listed on a stock exchange'), true, false);
}

function checkEquity(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'UNI-E02.minEquityRounds');
  if (!Array.isArray(facts.equityRounds)) return missingCriterion('UNI-E02', citation, ['equityRounds']);
  const rounds = facts.equityRounds.length;
  const minimum = numberParameter(ruleSet, 'UNI-E02.minEquityRounds');
  if (rounds >= minimum) {
    return criterion('UNI-E02', 'pass', citation, bilingual(`已获得 ${rounds} 轮股权投资`, `${rounds} equity round(s) received`), rounds, minimum);
  }
  return criterion(
    'UNI-E02',
    'fail',
    citation,
    bilingual(`获得股权投资 ${rounds} 轮，至少需要 ${minimum} 轮`, `${rounds} equity round(s) received, at least ${minimum} required`),
    rounds,
    minimum,
  );
}

function checkAge(facts: Facts, ruleSet: RuleSet, asOf: CalendarDate): CriterionResult {
  const citation = sourceOf(ruleSet, 'UNI-E03.maxYearsFounded');
  const established = readDate(facts.establishedOn);
  if (!established) return missingCriterion('UNI-E03', citation, ['establishedOn']);
  const maxYears = numberParameter(ruleSet, 'UNI-E03.maxYearsFounded');
  const lastDay = formatDate(addYears(established, maxYears));
  const on = formatDate(established);
  if (compareDates(asOf, addYears(established, maxYears)) <= 0) {
    return criterion(
      'UNI-E03',
      'pass',
      citation,
      bilingual(`成立于 ${on}，成立未超过 ${maxYears} 年（至 ${lastDay} 止）`, `Founded on ${on}: no more than ${maxYears} years ago (until ${lastDay})`),
      on,
      { lastDay },
    );
  }
  return criterion(
    'UNI-E03',
    'fail',
    citation,
    bilingual(`成立于 ${on}，已超过 ${maxYears} 年（${lastDay} 后不再符合）`, `Founded on ${on}: more than ${maxYears} years ago (the limit was ${lastDay})`),
    on,
    { lastDay },
  );
}

function checkValuation(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'UNI-E04.minValuationUsd');
  const valuation = readNumber(facts.valuationUsd);
  if (valuation === undefined) return missingCriterion('UNI-E04', citation, ['valuationUsd']);
  const minimum = numberParameter(ruleSet, 'UNI-E04.minValuationUsd');
  if (compare(fromNumber(valuation), fromNumber(minimum)) >= 0) {
    return criterion(
      'UNI-E04',
      'pass',
      citation,
      bilingual(`最近估值 ${usdZh(valuation)}，不低于 ${usdZh(minimum)} 的要求`, `Latest valuation ${usdEn(valuation)}, meeting the required ${usdEn(minimum)}`),
      valuation,
      minimum,
    );
  }
  return criterion(
    'UNI-E04',
    'fail',
    citation,
    bilingual(
      `最近估值 ${usdZh(valuation)}，低于 ${usdZh(minimum)} 的要求，差 ${usdZh(minimum - valuation)}`,
      `Latest valuation ${usdEn(valuation)}, below the required ${usdEn(minimum)} by ${usdEn(minimum - valuation)}`,
    ),
    valuation,
    minimum,
  );
}

function checkIndustry(facts: Facts): CriterionResult {
  const citation = `${CITY} 战略性新兴产业`;
  const strategic = readBoolean(facts.strategicIndustry);
  if (strategic === undefined) return missingCriterion('UNI-E05', citation, ['strategicIndustry']);
  if (strategic) {
    return criterion('UNI-E05', 'review', citation, bilingual('申报属于战略性新兴产业，须评审确认', 'Declared a strategic emerging industry; a reviewer confirms it'), true, true);
  }
  return criterion('UNI-E05', 'fail', citation, bilingual('不属于战略性新兴产业', 'Not in a strategic emerging industry'), false, true);
}

function computeAward(facts: Facts, category: Category, scheme: RuleSet): { award: Award; notes: Bilingual[] } {
  const notes: Bilingual[] = [];
  const lines: AwardLine[] = [];
  const capFor = (id: string): number => numberMapParameter(scheme, id)[category] ?? 0;
  const label = category === 'unicorn' ? bilingual('独角兽', 'unicorn') : bilingual('未来独角兽', 'future unicorn');
  // An upgraded firm already had the future-unicorn award, so it gets the top-up rather than the full unicorn amount.
  if (category === 'unicorn' && readBoolean(facts.upgradedFromFuture) === true) {
    lines.push({ item: 'upgrade-top-up', label: bilingual('晋级独角兽补差奖励', 'Top-up on upgrade to unicorn'), amount: numberParameter(scheme, 'HP-UNI.upgradeTopUp') });
  } else {
    lines.push({ item: 'one-off', label: bilingual(`${label.zh}一次性奖励`, `One-off award (${label.en})`), amount: capFor('HP-UNI.oneOff') });
  }
  const share = (fact: string, rateId: string, capId: string, item: string, what: Bilingual): void => {
    const base = readNumber(facts[fact]);
    if (base === undefined) {
      notes.push(bilingual(`未提供 ${fact}，${what.zh}按 0 计算`, `${fact} not given; ${what.en} counted as 0`));
      return;
    }
    const rate = numberParameter(scheme, rateId);
    const cap = capFor(capId);
    // Amounts are whole yuan; a fraction of a yuan is not paid.
    const amount = Number(floor(min(mul(fromNumber(rate), fromNumber(base)), fromNumber(cap))));
    lines.push({
      item,
      label: bilingual(`${what.zh}（${yuanZh(base)} × ${percentOf(rate)}，上限 ${yuanZh(cap)}）`, `${what.en} (${yuanEn(base)} × ${percentOf(rate)}, cap ${yuanEn(cap)})`),
      amount,
    });
  };
  share('rdDeductible', 'HP-UNI.rdRate', 'HP-UNI.rdCap', 'rd-support', bilingual('研发投入补助', 'R&D support'));
  share('equityReceivedThisYear', 'HP-UNI.equityRate', 'HP-UNI.equityCap', 'financing-award', bilingual('融资奖励', 'Financing award'));
  const amount = lines.reduce((total, line) => total + line.amount, 0);
  return { award: { scheme: scheme.id, version: scheme.version, amount, breakdown: lines }, notes };
}

export function evaluateUnicorn(facts: Facts, ruleSet: RuleSet, asOf: string, awardRuleSet?: RuleSet): PrecheckResult {
  const asOfDate = parseDate(asOf);
  if (!asOfDate) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  const criteria = [
    checkNotListed(facts),
    checkEquity(facts, ruleSet),
    checkAge(facts, ruleSet, asOfDate),
    checkValuation(facts, ruleSet),
    checkIndustry(facts),
  ];
  const outcome = overallOutcome(criteria);
  const result: PrecheckResult = {
    programme: 'unicorn-cultivation',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    asOf,
    outcome,
    pendingReview: pendingReview(criteria),
    criteria,
  };
  const notes: Bilingual[] = [];
  const valuation = readNumber(facts.valuationUsd);
  if (outcome === 'eligible' && valuation !== undefined) {
    const unicornMin = numberParameter(ruleSet, 'UNI-CAT.unicornMinValuationUsd');
    const category: Category = compare(fromNumber(valuation), fromNumber(unicornMin)) >= 0 ? 'unicorn' : 'future_unicorn';
    result.category = category;
    if (awardRuleSet) {
      const computed = computeAward(facts, category, awardRuleSet);
      result.award = computed.award;
      notes.push(...computed.notes);
      const established = readDate(facts.establishedOn);
      const potentialYears = numberParameter(awardRuleSet, 'HP-UNI.potentialMaxYears');
      if (category === 'future_unicorn' && established && compareDates(asOfDate, addYears(established, potentialYears)) <= 0) {
        notes.push(
          bilingual(
            `成立未超过 ${potentialYears} 年，亦符合黄埔区"潜在独角兽"的年限条件`,
            `Founded no more than ${potentialYears} years ago, so it also meets the age test of Huangpu's "potential unicorn" class`,
          ),
        );
      }
    }
  }
  if (notes.length > 0) result.notes = notes;
  return result;
}
