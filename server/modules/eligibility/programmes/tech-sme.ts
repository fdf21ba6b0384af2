// Science-and-technology SME pre-check: 第六条 conditions, the 第八条 score and 第七条 direct qualification
// (tech-sme.md).
import { compare, div, fromNumber, type Rational } from '../exact.ts';
import { percentBeside, plainNumber, yuanEn, yuanZh } from '../format.ts';
import { bandsParameter, numberParameter, sourceOf, stringListParameter } from '../parameters.ts';
import { readBoolean, readNumber } from '../read-facts.ts';
import { bilingual, criterion, missingCriterion, overallOutcome, pendingReview, pickBand } from '../results.ts';
import type { Band, Bilingual, CriterionResult, Facts, PrecheckResult, RuleSet, ScoreItem } from '../rule-set.types.ts';

const DOC = '国科发政〔2017〕115号';

function bandPoints(bands: Band[], ratio: Rational): number {
  return pickBand(bands, (edge) => compare(ratio, fromNumber(edge)) >= 0)?.points ?? 0;
}

function topPoints(bands: Band[]): number {
  return Math.max(0, ...bands.map((band) => band.points ?? 0));
}

/** A boolean condition: pass when the fact has the wanted value. */
function checkFlag(
  facts: Facts,
  id: string,
  fact: string,
  wanted: boolean,
  citation: string,
  passText: Bilingual,
  failText: Bilingual,
): CriterionResult {
  const value = readBoolean(facts[fact]);
  if (value === undefined) return missingCriterion(id, citation, [fact]);
  return value === wanted ? criterion(id, 'pass', citation, passText, value, wanted) : criterion(id, 'fail', citation, failText, value, wanted);
}

function checkSize(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'SME-E02.maxEmployees');
  const limits = [
    { fact: 'employees', max: numberParameter(ruleSet, 'SME-E02.maxEmployees'), zh: '职工总数', en: 'staff', money: false },
    { fact: 'salesRevenue', max: numberParameter(ruleSet, 'SME-E02.maxSalesRevenue'), zh: '年销售收入', en: 'sales revenue', money: true },
    { fact: 'totalAssets', max: numberParameter(ruleSet, 'SME-E02.maxTotalAssets'), zh: '资产总额', en: 'total assets', money: true },
  ];
  const zh = (value: number, money: boolean): string => (money ? yuanZh(value) : `${plainNumber(value)} 人`);
  const en = (value: number, money: boolean): string => (money ? yuanEn(value) : `${plainNumber(value)}`);
  const actual: Record<string, number> = {};
  const required: Record<string, number> = {};
  const over: typeof limits = [];
  const absent: string[] = [];
  for (const limit of limits) {
    required[limit.fact] = limit.max;
    const value = readNumber(facts[limit.fact]);
    if (value === undefined) absent.push(limit.fact);
    else {
      actual[limit.fact] = value;
      if (compare(fromNumber(value), fromNumber(limit.max)) > 0) over.push(limit);
    }
  }
  if (over.length > 0) {
    return criterion(
      'SME-E02',
      'fail',
      citation,
      bilingual(
        over.map((l) => `${l.zh} ${zh(actual[l.fact], l.money)}，超过 ${zh(l.max, l.money)} 的上限`).join('；'),
        over.map((l) => `${l.en} ${en(actual[l.fact], l.money)} exceed the limit of ${en(l.max, l.money)}`).join('; '),
      ),
      actual,
      required,
    );
  }
  if (absent.length > 0) return missingCriterion('SME-E02', citation, absent);
  return criterion(
    'SME-E02',
    'pass',
    citation,
    bilingual(
      limits.map((l) => `${l.zh} ${zh(actual[l.fact], l.money)}（上限 ${zh(l.max, l.money)}）`).join('，') + '，均未超过上限',
      limits.map((l) => `${l.en} ${en(actual[l.fact], l.money)} (limit ${en(l.max, l.money)})`).join(', ') + ': all within the limits',
    ),
    actual,
    required,
  );
}

/** Points of one score item; `complete` is false when a missing fact could still raise them. */
type ItemScore = { points: number; complete: boolean; max: number; basis: Bilingual };

function scoreStaff(facts: Facts, ruleSet: RuleSet): ItemScore {
  const bands = bandsParameter(ruleSet, 'SME-S1.bands');
  const max = topPoints(bands);
  const tech = readNumber(facts.staffTech);
  const total = readNumber(facts.staffTotal);
  if (tech === undefined || total === undefined) {
    return { points: 0, complete: false, max, basis: bilingual('未提供科技人员数或职工总数', 'S&T staff or total staff not given') };
  }
  if (total <= 0) return { points: 0, complete: true, max, basis: bilingual('职工总数为 0，科技人员指标得 0 分', 'Total staff is 0, so the staff item scores 0') };
  const share = div(fromNumber(tech), fromNumber(total));
  const text = percentBeside(share, 0);
  return { points: bandPoints(bands, share), complete: true, max, basis: bilingual(`科技人员占比 ${text}`, `S&T staff share ${text}`) };
}

function scoreRd(facts: Facts, ruleSet: RuleSet): ItemScore {
  const salesBands = bandsParameter(ruleSet, 'SME-S2.salesBands');
  const costBands = bandsParameter(ruleSet, 'SME-S2.costBands');
  const max = Math.max(topPoints(salesBands), topPoints(costBands));
  const rd = readNumber(facts.rdExpense);
  if (rd === undefined) return { points: 0, complete: false, max, basis: bilingual('未提供研发费用', 'R&D expense not given') };
  const sales = readNumber(facts.salesRevenue);
  const cost = readNumber(facts.totalCost);
  // Each measure scores 0 on a zero denominator; the better of the two counts.
  const measure = (denominator: number | undefined, bands: Band[]): { points?: number; text: string } => {
    if (denominator === undefined) return { text: '—' };
    if (denominator <= 0) return { points: 0, text: 'n/a' };
    const share = div(fromNumber(rd), fromNumber(denominator));
    return { points: bandPoints(bands, share), text: percentBeside(share, 0) };
  };
  const bySales = measure(sales, salesBands);
  const byCost = measure(cost, costBands);
  const points = Math.max(bySales.points ?? 0, byCost.points ?? 0);
  const complete = points === max || (bySales.points !== undefined && byCost.points !== undefined);
  return {
    points,
    complete,
    max,
    basis: bilingual(
      `研发费用占销售收入 ${bySales.text}（${bySales.points ?? '—'} 分），占成本费用总额 ${byCost.text}（${byCost.points ?? '—'} 分），取高者`,
      `R&D is ${bySales.text} of sales (${bySales.points ?? '—'} points) and ${byCost.text} of total cost (${byCost.points ?? '—'} points); the higher counts`,
    ),
  };
}

function scoreIp(facts: Facts, ruleSet: RuleSet): ItemScore {
  const class1Bands = bandsParameter(ruleSet, 'SME-S3.class1Points');
  const class2Bands = bandsParameter(ruleSet, 'SME-S3.class2Bands');
  const max = Math.max(topPoints(class1Bands), topPoints(class2Bands));
  const class1 = readNumber(facts.ipClass1);
  const class2 = readNumber(facts.ipClass2);
  const class1Points = class1 === undefined ? undefined : (pickBand(class1Bands, (edge) => class1 >= edge)?.points ?? 0);
  const class2Points = class2 === undefined ? undefined : (pickBand(class2Bands, (edge) => class2 >= edge)?.points ?? 0);
  const points = class1Points ? class1Points : (class2Points ?? 0);
  const complete = class1Points !== undefined && (class1Points > 0 || class2Points !== undefined);
  return {
    points,
    complete: complete || points === max,
    max,
    basis: bilingual(
      `Ⅰ类知识产权 ${class1 ?? '—'} 项，Ⅱ类 ${class2 ?? '—'} 项`,
      `${class1 ?? '—'} Class I and ${class2 ?? '—'} Class II IP item(s)`,
    ),
  };
}

export function evaluateTechSme(facts: Facts, ruleSet: RuleSet, asOf: string): PrecheckResult {
  const criteria: CriterionResult[] = [
    checkFlag(
      facts,
      'SME-E01',
      'residentEnterprise',
      true,
      `${DOC} 第六条(一)`,
      bilingual('在中国境内（不含港、澳、台地区）注册的居民企业', 'A resident enterprise registered in mainland China'),
      bilingual('不是在中国境内（不含港、澳、台地区）注册的居民企业', 'Not a resident enterprise registered in mainland China'),
    ),
    checkSize(facts, ruleSet),
    checkFlag(
      facts,
      'SME-E03',
      'restrictedIndustry',
      false,
      `${DOC} 第六条(三)`,
      bilingual('产品和服务不属于禁止、限制和淘汰类', 'Products and services are not in a prohibited, restricted or eliminated catalogue'),
      bilingual('产品或服务属于禁止、限制或淘汰类', 'Products or services are in a prohibited, restricted or eliminated catalogue'),
    ),
    checkFlag(
      facts,
      'SME-E04',
      'misconduct',
      false,
      `${DOC} 第六条(四)`,
      bilingual('上一年及当年内未发生重大事故、严重违法失信行为，未列入经营异常名录', 'No major accident, serious violation or research misconduct, and not on the abnormal-operation list'),
      bilingual('上一年或当年内有重大事故、严重违法失信行为或列入经营异常名录', 'A major accident, serious violation, research misconduct or listing as abnormal or seriously dishonest'),
    ),
  ];

  const items: { id: string; label: Bilingual; score: ItemScore }[] = [
    { id: 'S1', label: bilingual('科技人员', 'S&T staff'), score: scoreStaff(facts, ruleSet) },
    { id: 'S2', label: bilingual('研发投入', 'R&D investment'), score: scoreRd(facts, ruleSet) },
    { id: 'S3', label: bilingual('科技成果', 'Technology results'), score: scoreIp(facts, ruleSet) },
  ];
  const score = items.reduce((total, item) => total + item.score.points, 0);
  const best = items.reduce((total, item) => total + (item.score.complete ? item.score.points : item.score.max), 0);
  const complete = items.every((item) => item.score.complete);
  const staff = items[0].score;
  const minScore = numberParameter(ruleSet, 'SME-E05.minScore');

  const directFacts = stringListParameter(ruleSet, 'SME-E05.directQualificationFacts');
  const directHeld = directFacts.filter((fact) => readBoolean(facts[fact]) === true);
  const directUnknown = directFacts.filter((fact) => readBoolean(facts[fact]) === undefined);
  const directQualification = directHeld.length > 0;

  const citation = `${DOC} 第六条(五)、第七条、第八条`;
  const required = { minScore, staffScoreAbove: 0 };
  const scoreZh = `综合评价得分 ${score} 分（科技人员 ${staff.points} 分）`;
  const scoreEn = `score ${score} (staff item ${staff.points})`;
  let e05: CriterionResult;
  if (directQualification) {
    e05 = criterion(
      'SME-E05',
      'pass',
      citation,
      bilingual(`符合直接确认条件（${directHeld.join('、')}），无须达到评分要求；${scoreZh}`, `Qualifies directly (${directHeld.join(', ')}), so the score test does not apply; ${scoreEn}`),
      { score, directQualification: directHeld },
      required,
    );
  } else if (staff.complete && staff.points > 0 && score >= minScore) {
    e05 = criterion(
      'SME-E05',
      'pass',
      citation,
      bilingual(`${scoreZh}，不低于 ${minScore} 分且科技人员指标不为 0`, `The ${scoreEn} reaches ${minScore} with a staff score above 0`),
      { score },
      required,
    );
  } else if (directUnknown.length === 0 && ((staff.complete && staff.points === 0) || best < minScore)) {
    const gaps = [
      best < minScore ? { zh: `低于 ${minScore} 分的要求，差 ${minScore - score} 分`, en: `below the required ${minScore}, ${minScore - score} points short` } : undefined,
      staff.complete && staff.points === 0 ? { zh: '科技人员指标得 0 分', en: 'the staff item scores 0' } : undefined,
    ].filter((gap): gap is Bilingual => gap !== undefined);
    e05 = criterion(
      'SME-E05',
      'fail',
      citation,
      bilingual(`${scoreZh}，${gaps.map((g) => g.zh).join('，且')}；也不符合直接确认条件`, `The ${scoreEn}: ${gaps.map((g) => g.en).join(', and ')}; no direct qualification either`),
      { score },
      required,
    );
  } else {
    const scoreFacts = ['staffTech', 'staffTotal', 'rdExpense', 'salesRevenue', 'totalCost', 'ipClass1', 'ipClass2'];
    const absent = [...scoreFacts.filter((fact) => readNumber(facts[fact]) === undefined), ...directUnknown];
    e05 = criterion(
      'SME-E05',
      'missing',
      citation,
      bilingual(`目前${scoreZh}，尚缺数据无法判断：${absent.join(', ')}`, `So far the ${scoreEn}; cannot decide without: ${absent.join(', ')}`),
      { score },
      required,
    );
  }
  criteria.push(e05);

  const scoreItems: ScoreItem[] = items.map((item) => ({
    id: item.id,
    label: item.label,
    points: item.score.points,
    exact: String(item.score.points),
    max: item.score.max,
    ...(item.score.complete ? {} : { missing: true }),
    basis: item.score.basis,
  }));
  const result: PrecheckResult = {
    programme: 'tech-sme',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    asOf,
    outcome: overallOutcome(criteria),
    score,
    scoreExact: String(score),
    directQualification,
    pendingReview: pendingReview(criteria),
    criteria,
    scoreItems,
  };
  if (!complete) result.notes = [bilingual('部分评分数据未提供，得分为已填数据的得分', 'Some score facts are missing; the score counts only what was given')];
  return result;
}
