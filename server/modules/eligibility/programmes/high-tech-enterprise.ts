// High-tech enterprise pre-check: 办法 第十一条 conditions HTE-E01…E09, the automatic parts of the
// innovation-capability rubric, and the Guangzhou recognition award in force (high-tech-enterprise.md).
import { addYears, compareDates, formatDate, fullYearsBetween, parseDate, type CalendarDate } from '../dates.ts';
import {
  add,
  ceil,
  compare,
  div,
  fromNumber,
  isZero,
  mul,
  rational,
  sub,
  sumNumbers,
  toFixed,
  type Rational,
} from '../exact.ts';
import { percentBeside, percentOf, plainNumber, yuanEn, yuanZh } from '../format.ts';
import {
  bandsParameter,
  numberMapParameter,
  numberParameter,
  sourceOf,
  stringListParameter,
} from '../parameters.ts';
import { readBoolean, readDate, readNumber, readNumberList, readObjectList, readString } from '../read-facts.ts';
import { bilingual, criterion, missingCriterion, overallOutcome, pendingReview, pickBand } from '../results.ts';
import type {
  Award,
  AwardLine,
  Band,
  Bilingual,
  CriterionResult,
  Facts,
  PrecheckResult,
  RubricProposal,
  RuleSet,
} from '../rule-set.types.ts';

const CITATION_E09 = '国科发火〔2016〕32号 第十一条(八)';

/** Ratio rounded for the JSON `actual` field; decisions use the exact value. */
function ratioNumber(value: Rational): number {
  return Number(toFixed(value, 6));
}

/** Amount x to add to both numerator and denominator so that (num + x) / (den + x) ≥ t, rounded up. */
function amountToReach(numerator: Rational, denominator: Rational, threshold: number): bigint | undefined {
  const t = fromNumber(threshold);
  const oneMinusT = sub(rational(1), t);
  if (compare(oneMinusT, rational(0)) <= 0) return undefined;
  return ceil(div(sub(mul(t, denominator), numerator), oneMinusT));
}

// ---- HTE-E01 ----------------------------------------------------------------------------------------
function checkRegistration(facts: Facts, ruleSet: RuleSet, asOf: CalendarDate): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E01.minYearsRegistered');
  const established = readDate(facts.establishedOn);
  if (!established) return missingCriterion('HTE-E01', citation, ['establishedOn']);
  const years = numberParameter(ruleSet, 'HTE-E01.minYearsRegistered');
  const reached = addYears(established, years);
  const on = formatDate(established);
  const reachedText = formatDate(reached);
  if (compareDates(asOf, reached) >= 0) {
    return criterion(
      'HTE-E01',
      'pass',
      citation,
      bilingual(
        `成立于 ${on}，${reachedText} 起已注册满 ${years} 年，符合要求`,
        `Registered on ${on}: ${years} full year(s) were reached on ${reachedText}, as required`,
      ),
      on,
      { fullYears: years, reachedOn: reachedText },
    );
  }
  return criterion(
    'HTE-E01',
    'fail',
    citation,
    bilingual(
      `成立于 ${on}，至 ${formatDate(asOf)} 注册未满 ${years} 年（须满 ${years} 年），${reachedText} 起方可申请`,
      `Registered on ${on}: not yet ${years} full year(s) at ${formatDate(asOf)} (required ${years}); eligible from ${reachedText}`,
    ),
    on,
    { fullYears: years, reachedOn: reachedText },
  );
}

// ---- IP (HTE-E02, A3, A4) ----------------------------------------------------------------------------
type IpAssessment = {
  given: boolean;
  qualifying: Record<string, unknown>[];
  class1: number;
  class2: number;
  /** Items that might qualify once their missing details are given. */
  undetermined: number;
  notInForce: number;
  notYetGranted: number;
  usedBefore: number;
  unknownType: number;
};

function assessIp(facts: Facts, ruleSet: RuleSet, asOf: CalendarDate): IpAssessment {
  const class1Types = stringListParameter(ruleSet, 'HTE-IP.class1Types');
  const class2Types = stringListParameter(ruleSet, 'HTE-IP.class2Types');
  const items = readObjectList(facts.ipItems);
  const result: IpAssessment = {
    given: items !== undefined,
    qualifying: [],
    class1: 0,
    class2: 0,
    undetermined: 0,
    notInForce: 0,
    notYetGranted: 0,
    usedBefore: 0,
    unknownType: 0,
  };
  for (const item of items ?? []) {
    const type = readString(item.type) ?? '';
    const isClass1 = class1Types.includes(type);
    const isClass2 = class2Types.includes(type);
    const granted = readDate(item.grantedOn);
    const inForce = readBoolean(item.inForce);
    if (!isClass1 && !isClass2) result.unknownType += 1;
    else if (inForce === false) result.notInForce += 1;
    else if (granted && compareDates(granted, asOf) > 0) result.notYetGranted += 1;
    // A Class II item may support one recognition only; an unanswered flag is taken as "not used".
    else if (isClass2 && readBoolean(item.usedInEarlierRecognition) === true) result.usedBefore += 1;
    else if (inForce === undefined || !granted) result.undetermined += 1;
    else {
      result.qualifying.push(item);
      if (isClass1) result.class1 += 1;
      else result.class2 += 1;
    }
  }
  return result;
}

function checkIp(ip: IpAssessment, ruleSet: RuleSet, asOfText: string): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E02.minIpItems');
  if (!ip.given) return missingCriterion('HTE-E02', citation, ['ipItems']);
  const minimum = numberParameter(ruleSet, 'HTE-E02.minIpItems');
  const count = ip.qualifying.length;
  const actual = { qualifying: count, class1: ip.class1, class2: ip.class2 };
  if (count >= minimum) {
    return criterion(
      'HTE-E02',
      'review',
      citation,
      bilingual(
        `有 ${count} 项符合条件的知识产权（Ⅰ类 ${ip.class1} 项，Ⅱ类 ${ip.class2} 项），不少于 ${minimum} 项；须评审确认其对主要产品（服务）发挥核心支持作用`,
        `${count} qualifying IP item(s) (${ip.class1} Class I, ${ip.class2} Class II), at least ${minimum} as required; a reviewer confirms they give core support to the main products or services`,
      ),
      actual,
      minimum,
    );
  }
  if (ip.undetermined > 0) {
    return criterion(
      'HTE-E02',
      'missing',
      citation,
      bilingual(
        `${ip.undetermined} 项知识产权缺少授权日期（grantedOn）或是否有效（inForce），无法判断`,
        `${ip.undetermined} IP item(s) lack the grant date (grantedOn) or whether they are in force (inForce)`,
      ),
      actual,
      minimum,
    );
  }
  const reasonsZh = [
    ip.notInForce ? `${ip.notInForce} 项已失效` : '',
    ip.notYetGranted ? `${ip.notYetGranted} 项在 ${asOfText} 后才授权` : '',
    ip.usedBefore ? `${ip.usedBefore} 项Ⅱ类知识产权已用于以往认定` : '',
    ip.unknownType ? `${ip.unknownType} 项类型不明` : '',
  ].filter(Boolean);
  const reasonsEn = [
    ip.notInForce ? `${ip.notInForce} not in force` : '',
    ip.notYetGranted ? `${ip.notYetGranted} granted after ${asOfText}` : '',
    ip.usedBefore ? `${ip.usedBefore} Class II item(s) already used in an earlier recognition` : '',
    ip.unknownType ? `${ip.unknownType} of unknown type` : '',
  ].filter(Boolean);
  return criterion(
    'HTE-E02',
    'fail',
    citation,
    bilingual(
      `符合条件的知识产权 ${count} 项，至少需要 ${minimum} 项（须在有效期内、已授权，且Ⅱ类未用于以往认定）${reasonsZh.length ? `；${reasonsZh.join('，')}` : ''}`,
      `${count} qualifying IP item(s), at least ${minimum} required (in force, granted, Class II not used before)${reasonsEn.length ? `; ${reasonsEn.join(', ')}` : ''}`,
    ),
    actual,
    minimum,
  );
}

// ---- HTE-E03 -----------------------------------------------------------------------------------------
function checkField(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E03.techFields');
  const field = readString(facts.techField);
  if (field === undefined) return missingCriterion('HTE-E03', citation, ['techField']);
  const fields = stringListParameter(ruleSet, 'HTE-E03.techFields');
  if (fields.includes(field)) {
    return criterion(
      'HTE-E03',
      'review',
      citation,
      bilingual(
        `核心技术领域为 ${field}，属于国家重点支持的高新技术领域；须评审确认技术与领域相符`,
        `Core technology field ${field} is one of the supported fields; a reviewer confirms the fit`,
      ),
      field,
      fields,
    );
  }
  return criterion(
    'HTE-E03',
    'fail',
    citation,
    bilingual(`核心技术领域 ${field} 不属于国家重点支持的高新技术领域`, `Core technology field ${field} is not a supported field`),
    field,
    fields,
  );
}

// ---- HTE-E04 -----------------------------------------------------------------------------------------
function checkTechStaff(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E04.minTechStaffShare');
  const tech = readNumber(facts.staffTech);
  const total = readNumber(facts.staffTotal);
  const absent = [tech === undefined ? 'staffTech' : '', total === undefined ? 'staffTotal' : ''].filter(Boolean);
  if (tech === undefined || total === undefined) return missingCriterion('HTE-E04', citation, absent);
  const threshold = numberParameter(ruleSet, 'HTE-E04.minTechStaffShare');
  const required = percentOf(threshold);
  if (total <= 0) {
    return criterion(
      'HTE-E04',
      'fail',
      citation,
      bilingual(
        `职工总数为 ${plainNumber(total)}，无法计算科技人员占比（须不低于 ${required}）`,
        `Total staff is ${plainNumber(total)}, so the S&T staff share cannot be computed (required at least ${required})`,
      ),
      null,
      threshold,
    );
  }
  const share = div(fromNumber(tech), fromNumber(total));
  const shareText = percentBeside(share, threshold);
  if (compare(share, fromNumber(threshold)) >= 0) {
    return criterion(
      'HTE-E04',
      'pass',
      citation,
      bilingual(
        `科技人员占职工总数 ${shareText}（${plainNumber(tech)}/${plainNumber(total)}），不低于 ${required} 的要求`,
        `S&T staff are ${shareText} of all staff (${plainNumber(tech)} of ${plainNumber(total)}), meeting the required ${required}`,
      ),
      ratioNumber(share),
      threshold,
    );
  }
  const more = amountToReach(fromNumber(tech), fromNumber(total), threshold);
  return criterion(
    'HTE-E04',
    'fail',
    citation,
    bilingual(
      `科技人员占职工总数 ${shareText}（${plainNumber(tech)}/${plainNumber(total)}），低于 ${required} 的要求${more !== undefined ? `；约需再增加科技人员 ${more} 人` : ''}`,
      `S&T staff are ${shareText} of all staff (${plainNumber(tech)} of ${plainNumber(total)}), below the required ${required}${more !== undefined ? `; about ${more} more S&T staff would be needed` : ''}`,
    ),
    ratioNumber(share),
    threshold,
  );
}

// ---- HTE-E05 -----------------------------------------------------------------------------------------
/** The R&D share required by the latest year's sales (band edges inclusive at the top). */
function requiredRdShare(ruleSet: RuleSet, latestSales: number): { threshold: number; parameterId: string } {
  const latest = fromNumber(latestSales);
  if (compare(latest, fromNumber(numberParameter(ruleSet, 'HTE-E05.salesBand1Max'))) <= 0) {
    return { threshold: numberParameter(ruleSet, 'HTE-E05.minRdShareBand1'), parameterId: 'HTE-E05.minRdShareBand1' };
  }
  if (compare(latest, fromNumber(numberParameter(ruleSet, 'HTE-E05.salesBand2Max'))) <= 0) {
    return { threshold: numberParameter(ruleSet, 'HTE-E05.minRdShareBand2'), parameterId: 'HTE-E05.minRdShareBand2' };
  }
  return { threshold: numberParameter(ruleSet, 'HTE-E05.minRdShareBand3'), parameterId: 'HTE-E05.minRdShareBand3' };
}

function checkRdShare(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const rd = readNumberList(facts.rdExpense);
  const sales = readNumberList(facts.salesRevenue);
  const baseCitation = sourceOf(ruleSet, 'HTE-E05.minRdShareBand1').replace(/(\(五\))\d$/, '$1');
  const absent = [rd === undefined ? 'rdExpense' : '', sales === undefined ? 'salesRevenue' : ''].filter(Boolean);
  if (rd === undefined || sales === undefined) return missingCriterion('HTE-E05', baseCitation, absent);
  if (rd.length !== sales.length) {
    return criterion(
      'HTE-E05',
      'missing',
      baseCitation,
      bilingual(
        `研发费用（${rd.length} 年）与销售收入（${sales.length} 年）的年数不一致，须填写相同年度`,
        `R&D expense covers ${rd.length} year(s) but sales revenue ${sales.length}; give the same years`,
      ),
    );
  }
  const latestSales = sales[sales.length - 1];
  const { threshold, parameterId } = requiredRdShare(ruleSet, latestSales);
  const citation = sourceOf(ruleSet, parameterId);
  const required = percentOf(threshold);
  const totalRd = sumNumbers(rd);
  const totalSales = sumNumbers(sales);
  const years = rd.length;
  const bandZh = `最近一年销售收入 ${yuanZh(latestSales)}，适用 ${required}`;
  const bandEn = `latest-year sales ${yuanEn(latestSales)}, so ${required} applies`;
  if (compare(totalSales, rational(0)) <= 0) {
    return criterion(
      'HTE-E05',
      'fail',
      citation,
      bilingual(
        `近 ${years} 年销售收入合计为 ${yuanZh(totalSales)}，无法计算研发费用占比（${bandZh}）`,
        `Sales over the ${years} year(s) given total ${yuanEn(totalSales)}, so the R&D share cannot be computed (${bandEn})`,
      ),
      null,
      threshold,
    );
  }
  const share = div(totalRd, totalSales);
  const shareText = percentBeside(share, threshold);
  if (compare(share, fromNumber(threshold)) >= 0) {
    return criterion(
      'HTE-E05',
      'pass',
      citation,
      bilingual(
        `近 ${years} 年研发费用占销售收入 ${shareText}（${yuanZh(totalRd)}/${yuanZh(totalSales)}），不低于 ${required} 的要求（${bandZh}）`,
        `R&D expense is ${shareText} of sales over the ${years} year(s) given (${yuanEn(totalRd)} of ${yuanEn(totalSales)}), meeting the required ${required} (${bandEn})`,
      ),
      ratioNumber(share),
      threshold,
    );
  }
  // Raising R&D does not change sales, so the gap is simply t·Σsales − ΣR&D.
  const more = ceil(sub(mul(fromNumber(threshold), totalSales), totalRd));
  return criterion(
    'HTE-E05',
    'fail',
    citation,
    bilingual(
      `近 ${years} 年研发费用占销售收入 ${shareText}，低于 ${required} 的要求（${bandZh}）；约需再增加研发费用 ${yuanZh(more)}`,
      `R&D expense is ${shareText} of sales over the ${years} year(s) given, below the required ${required} (${bandEn}); about ${yuanEn(more)} more R&D over the years given would be needed`,
    ),
    ratioNumber(share),
    threshold,
  );
}

// ---- HTE-E06 -----------------------------------------------------------------------------------------
function checkDomesticRd(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E06.minDomesticRdShare');
  const rd = readNumberList(facts.rdExpense);
  const domestic = readNumberList(facts.rdExpenseDomestic);
  const absent = [domestic === undefined ? 'rdExpenseDomestic' : '', rd === undefined ? 'rdExpense' : ''].filter(Boolean);
  if (rd === undefined || domestic === undefined) return missingCriterion('HTE-E06', citation, absent);
  if (rd.length !== domestic.length) {
    return criterion(
      'HTE-E06',
      'missing',
      citation,
      bilingual(
        `境内研发费用（${domestic.length} 年）与研发费用（${rd.length} 年）的年数不一致，须填写相同年度`,
        `Domestic R&D covers ${domestic.length} year(s) but R&D expense ${rd.length}; give the same years`,
      ),
    );
  }
  const threshold = numberParameter(ruleSet, 'HTE-E06.minDomesticRdShare');
  const required = percentOf(threshold);
  const totalRd = sumNumbers(rd);
  const totalDomestic = sumNumbers(domestic);
  if (compare(totalRd, rational(0)) <= 0) {
    return criterion(
      'HTE-E06',
      'fail',
      citation,
      bilingual(
        `研发费用合计为 ${yuanZh(totalRd)}，无法计算境内研发费用占比（须不低于 ${required}）`,
        `R&D expense totals ${yuanEn(totalRd)}, so the domestic share cannot be computed (required at least ${required})`,
      ),
      null,
      threshold,
    );
  }
  const share = div(totalDomestic, totalRd);
  const shareText = percentBeside(share, threshold);
  if (compare(share, fromNumber(threshold)) >= 0) {
    return criterion(
      'HTE-E06',
      'pass',
      citation,
      bilingual(
        `境内研发费用占全部研发费用 ${shareText}，不低于 ${required} 的要求`,
        `R&D incurred in China is ${shareText} of all R&D, meeting the required ${required}`,
      ),
      ratioNumber(share),
      threshold,
    );
  }
  const more = amountToReach(totalDomestic, totalRd, threshold);
  return criterion(
    'HTE-E06',
    'fail',
    citation,
    bilingual(
      `境内研发费用占全部研发费用 ${shareText}，低于 ${required} 的要求${more !== undefined ? `；约需再增加境内研发费用 ${yuanZh(more)}` : ''}`,
      `R&D incurred in China is ${shareText} of all R&D, below the required ${required}${more !== undefined ? `; about ${yuanEn(more)} more R&D in China would be needed` : ''}`,
    ),
    ratioNumber(share),
    threshold,
  );
}

// ---- HTE-E07 -----------------------------------------------------------------------------------------
function checkHiTechRevenue(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'HTE-E07.minHiTechRevenueShare');
  const hiTech = readNumber(facts.hiTechRevenue);
  const total = readNumber(facts.totalRevenue);
  const absent = [hiTech === undefined ? 'hiTechRevenue' : '', total === undefined ? 'totalRevenue' : ''].filter(Boolean);
  if (hiTech === undefined || total === undefined) return missingCriterion('HTE-E07', citation, absent);
  const threshold = numberParameter(ruleSet, 'HTE-E07.minHiTechRevenueShare');
  const required = percentOf(threshold);
  if (total <= 0) {
    return criterion(
      'HTE-E07',
      'fail',
      citation,
      bilingual(
        `总收入为 ${yuanZh(total)}，无法计算高新技术产品（服务）收入占比（须不低于 ${required}）`,
        `Total revenue is ${yuanEn(total)}, so the high-tech revenue share cannot be computed (required at least ${required})`,
      ),
      null,
      threshold,
    );
  }
  const share = div(fromNumber(hiTech), fromNumber(total));
  const shareText = percentBeside(share, threshold);
  if (compare(share, fromNumber(threshold)) >= 0) {
    return criterion(
      'HTE-E07',
      'pass',
      citation,
      bilingual(
        `高新技术产品（服务）收入占总收入 ${shareText}，不低于 ${required} 的要求`,
        `High-tech product/service revenue is ${shareText} of total revenue, meeting the required ${required}`,
      ),
      ratioNumber(share),
      threshold,
    );
  }
  const more = amountToReach(fromNumber(hiTech), fromNumber(total), threshold);
  return criterion(
    'HTE-E07',
    'fail',
    citation,
    bilingual(
      `高新技术产品（服务）收入占总收入 ${shareText}，低于 ${required} 的要求${more !== undefined ? `；约需再增加高新技术产品（服务）收入 ${yuanZh(more)}` : ''}`,
      `High-tech product/service revenue is ${shareText} of total revenue, below the required ${required}${more !== undefined ? `; about ${yuanEn(more)} more high-tech revenue would be needed` : ''}`,
    ),
    ratioNumber(share),
    threshold,
  );
}

// ---- Rubric proposal and HTE-E08 ---------------------------------------------------------------------
function bandRange(band: Band | undefined): { min: number; max: number } {
  return band ? { min: band.min ?? 0, max: band.max ?? 0 } : { min: 0, max: 0 };
}

function proposeA3(ip: IpAssessment, ruleSet: RuleSet): RubricProposal {
  const class1Band = pickBand(bandsParameter(ruleSet, 'HTE-A3.class1Band'), (edge) => ip.class1 >= edge);
  const band = class1Band ?? pickBand(bandsParameter(ruleSet, 'HTE-A3.class2Bands'), (edge) => ip.class2 >= edge);
  return {
    id: 'A3',
    ...bandRange(band),
    basis: bilingual(`Ⅰ类知识产权 ${ip.class1} 项，Ⅱ类 ${ip.class2} 项`, `${ip.class1} Class I and ${ip.class2} Class II item(s)`),
  };
}

function proposeA4(ip: IpAssessment, ruleSet: RuleSet): RubricProposal {
  const self = ip.qualifying.filter((item) => item.acquisition === 'self').length;
  const other = ip.qualifying.length - self;
  const band =
    self > 0
      ? pickBand(bandsParameter(ruleSet, 'HTE-A4.selfBand'), (edge) => self >= edge)
      : pickBand(bandsParameter(ruleSet, 'HTE-A4.otherBand'), (edge) => other >= edge);
  return {
    id: 'A4',
    ...bandRange(band),
    basis: bilingual(`自主研发 ${self} 项，受让、受赠或并购 ${other} 项`, `${self} self-developed, ${other} assigned, gifted or by merger`),
  };
}

function proposeB(transfers: number, established: CalendarDate, asOf: CalendarDate, ruleSet: RuleSet): RubricProposal {
  // Years operated, at least 1 (a younger firm fails HTE-E01 anyway) and at most the averaging window.
  const maxYears = numberParameter(ruleSet, 'HTE-B.maxYears');
  const years = Math.min(maxYears, Math.max(1, fullYearsBetween(established, asOf)));
  const average = div(fromNumber(transfers), rational(years));
  const band = pickBand(bandsParameter(ruleSet, 'HTE-B.bands'), (edge) => compare(average, fromNumber(edge)) >= 0);
  const averageText = plainNumber(average);
  return {
    id: 'B',
    ...bandRange(band),
    basis: bilingual(
      `科技成果转化 ${plainNumber(transfers)} 项 / ${years} 年，年均 ${averageText} 项`,
      `${plainNumber(transfers)} results transferred over ${years} year(s), ${averageText} a year`,
    ),
  };
}

/** Growth rate g per 指引 (D), or undefined where the rule scores the item 0. */
function growthRate(values: number[]): Rational | undefined {
  const v = values.slice(-3).map(fromNumber);
  const one = rational(1);
  if (v.length < 2) return undefined;
  if (v.length === 2) return isZero(v[0]) ? undefined : sub(div(v[1], v[0]), one);
  const [v1, v2, v3] = v;
  if (isZero(v2)) return undefined;
  if (isZero(v1)) return sub(div(v3, v2), one);
  return sub(div(add(div(v2, v1), div(v3, v2)), rational(2)), one);
}

function proposeGrowth(id: string, values: number[], ruleSet: RuleSet, what: Bilingual): RubricProposal {
  const g = growthRate(values);
  if (g === undefined) {
    return {
      id,
      min: 0,
      max: 0,
      basis: bilingual(`${what.zh}：${values.length} 年数据，无法计算增长率，按 0 分`, `${what.en}: ${values.length} year(s) given, no growth rate, scores 0`),
    };
  }
  const band = pickBand(bandsParameter(ruleSet, 'HTE-D.bands'), (edge, inclusive) => {
    const c = compare(g, fromNumber(edge));
    return inclusive ? c >= 0 : c > 0;
  });
  const gText = percentBeside(g, 0);
  return { id, ...bandRange(band), basis: bilingual(`${what.zh}增长率 ${gText}`, `${what.en} growth ${gText}`) };
}

type RubricOutcome = { proposals: RubricProposal[]; criterion: CriterionResult };

function checkInnovationCapability(
  facts: Facts,
  ruleSet: RuleSet,
  asOf: CalendarDate,
  ip: IpAssessment,
): RubricOutcome {
  const citation = sourceOf(ruleSet, 'HTE-E08.minScoreExclusive');
  const threshold = numberParameter(ruleSet, 'HTE-E08.minScoreExclusive');
  const transfers = readNumber(facts.transfers);
  const established = readDate(facts.establishedOn);
  const netAssets = readNumberList(facts.netAssets);
  const sales = readNumberList(facts.salesRevenue);
  const proposals: RubricProposal[] = [];
  if (ip.given) proposals.push(proposeA3(ip, ruleSet), proposeA4(ip, ruleSet));
  if (transfers !== undefined && established) proposals.push(proposeB(transfers, established, asOf, ruleSet));
  if (netAssets) proposals.push(proposeGrowth('D1', netAssets, ruleSet, bilingual('净资产', 'Net assets')));
  if (sales) proposals.push(proposeGrowth('D2', sales, ruleSet, bilingual('销售收入', 'Sales')));

  const absent = [
    ip.given ? '' : 'ipItems',
    transfers === undefined ? 'transfers' : '',
    established ? '' : 'establishedOn',
    netAssets ? '' : 'netAssets',
    sales ? '' : 'salesRevenue',
  ].filter(Boolean);
  if (absent.length > 0) return { proposals, criterion: missingCriterion('HTE-E08', citation, absent) };

  // The best score experts could give: every expert item at full marks, every automatic item at the top of its band.
  const expert = numberMapParameter(ruleSet, 'HTE-E08.expertMaxima');
  const top = (id: string): number => proposals.find((p) => p.id === id)?.max ?? 0;
  const sectionA = Math.min(
    numberParameter(ruleSet, 'HTE-E08.sectionACap'),
    (expert.A1 ?? 0) + (expert.A2 ?? 0) + (expert.A5 ?? 0) + top('A3') + top('A4'),
  );
  const best = sectionA + top('B') + (expert.C ?? 0) + top('D1') + top('D2');
  const bandsZh = proposals.map((p) => `${p.id} ${p.min}–${p.max}`).join('，');
  const bandsEn = proposals.map((p) => `${p.id} ${p.min}–${p.max}`).join(', ');
  if (best > threshold) {
    return {
      proposals,
      criterion: criterion(
        'HTE-E08',
        'review',
        citation,
        bilingual(
          `创新能力评价由专家打分，须高于 ${threshold} 分；按所填数据建议 ${bandsZh}，最高可得 ${best} 分`,
          `Experts score innovation capability, which must exceed ${threshold}; from the facts the platform proposes ${bandsEn}, so at most ${best} points are attainable`,
        ),
        { attainableMax: best },
        { above: threshold },
      ),
    };
  }
  return {
    proposals,
    criterion: criterion(
      'HTE-E08',
      'fail',
      citation,
      bilingual(
        `即使专家评分项均得满分，创新能力评价最高仅 ${best} 分，未高于 ${threshold} 分的要求（${bandsZh}）`,
        `Even with full marks on every expert-scored item the innovation-capability score could reach only ${best}, not above the required ${threshold} (${bandsEn})`,
      ),
      { attainableMax: best },
      { above: threshold },
    ),
  };
}

// ---- HTE-E09 -----------------------------------------------------------------------------------------
function checkIncidents(facts: Facts): CriterionResult {
  const incident = readBoolean(facts.majorIncidentLastYear);
  if (incident === undefined) return missingCriterion('HTE-E09', CITATION_E09, ['majorIncidentLastYear']);
  if (!incident) {
    return criterion(
      'HTE-E09',
      'pass',
      CITATION_E09,
      bilingual('申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为', 'No major safety or quality accident or serious environmental violation in the year before applying'),
      false,
      false,
    );
  }
  return criterion(
    'HTE-E09',
    'fail',
    CITATION_E09,
    bilingual('申请认定前一年内发生过重大安全、重大质量事故或严重环境违法行为，不得认定', 'A major safety or quality accident or serious environmental violation occurred in the year before applying'),
    true,
    false,
  );
}

// ---- Award -------------------------------------------------------------------------------------------
type AwardOutcome = { award?: Award; notes: Bilingual[] };

function award2018(facts: Facts, scheme: RuleSet): AwardOutcome {
  const rd = readNumberList(facts.rdExpense);
  if (!rd) return { notes: [bilingual('计算认定奖励需要上年度研发费用（rdExpense）', 'The recognition award needs the prior year’s R&D expense (rdExpense)')] };
  const prior = rd[rd.length - 1];
  const band = pickBand(bandsParameter(scheme, 'GZ-HTE-2018.rdBands'), (edge) => compare(fromNumber(prior), fromNumber(edge)) >= 0);
  const cap = numberParameter(scheme, 'GZ-HTE-2018.cap');
  const amount = Math.min(band?.amount ?? 0, cap);
  return {
    award: {
      scheme: scheme.id,
      version: scheme.version,
      amount,
      breakdown: [
        {
          item: 'recognition',
          label: bilingual(`认定奖励（上年度研发费用 ${yuanZh(prior)}）`, `Recognition award (prior year’s R&D ${yuanEn(prior)})`),
          amount,
        },
      ],
    },
    notes: [
      bilingual(
        '入库科技创新小巨人企业的 20 万元奖励（市、区共担）另行计算，不在此列',
        'The 200,000 yuan for entering the 科技创新小巨人 database (shared by city and district) is separate and not included',
      ),
    ],
  };
}

function award2021(facts: Facts, scheme: RuleSet): AwardOutcome {
  const notes: Bilingual[] = [];
  const lines: AwardLine[] = [];
  const first = readBoolean(facts.firstRecognition);
  if (first === undefined) {
    notes.push(bilingual('未说明是否首次认定（firstRecognition），按首次认定计算', 'firstRecognition not given; computed as a first recognition'));
  }
  if (first === false) {
    lines.push({ item: 're-recognition', label: bilingual('重新认定', 'Re-recognition'), amount: numberParameter(scheme, 'GZ-HTE-2021.reRecognition') });
  } else {
    lines.push({ item: 'first-recognition', label: bilingual('首次认定', 'First recognition'), amount: numberParameter(scheme, 'GZ-HTE-2021.firstRecognition') });
  }
  const fourAbove = readBoolean(facts.firstEntryFourAbove);
  if (fourAbove === undefined) notes.push(bilingual('未说明是否首次纳入"四上"企业统计（firstEntryFourAbove），按否计算', 'firstEntryFourAbove not given; counted as no'));
  if (fourAbove === true) {
    lines.push({
      item: 'first-entry-four-above',
      label: bilingual('首次纳入"四上"企业统计', 'First entry into the "four above" statistics'),
      amount: numberParameter(scheme, 'GZ-HTE-2021.firstEntryFourAbove'),
    });
  }
  const prev = readNumber(facts.rdDeductionPrevYear);
  const before = readNumber(facts.rdDeductionYearBefore);
  if (prev === undefined || before === undefined) {
    notes.push(bilingual('未提供研发费用加计扣除额（rdDeductionPrevYear、rdDeductionYearBefore），不计增长奖励', 'R&D super-deduction amounts not given (rdDeductionPrevYear, rdDeductionYearBefore); no growth award counted'));
  } else if (compare(fromNumber(prev), fromNumber(before)) > 0) {
    const band = pickBand(bandsParameter(scheme, 'GZ-HTE-2021.rdGrowthBands'), (edge) => compare(fromNumber(prev), fromNumber(edge)) >= 0);
    if (band?.amount) {
      lines.push({
        item: 'rd-growth',
        label: bilingual(`研发费用加计扣除额同比增长（上年度 ${yuanZh(prev)}）`, `R&D super-deduction grew (prior year ${yuanEn(prev)})`),
        amount: band.amount,
      });
    }
  }
  const subtotal = lines.reduce((total, line) => total + line.amount, 0);
  const cap = numberParameter(scheme, 'GZ-HTE-2021.cap');
  if (subtotal > cap) lines.push({ item: 'cap', label: bilingual(`封顶 ${yuanZh(cap)}`, `Capped at ${yuanEn(cap)}`), amount: cap - subtotal });
  return { award: { scheme: scheme.id, version: scheme.version, amount: Math.min(subtotal, cap), breakdown: lines }, notes };
}

function computeAward(facts: Facts, scheme: RuleSet): AwardOutcome {
  if (scheme.id === 'gz-hte-award-2018') return award2018(facts, scheme);
  if (scheme.id === 'gz-hte-award-2021') return award2021(facts, scheme);
  return { notes: [bilingual(`奖励方案 ${scheme.id} 暂无计算规则`, `No calculation is defined for award scheme ${scheme.id}`)] };
}

export function evaluateHighTechEnterprise(facts: Facts, ruleSet: RuleSet, asOf: string, awardRuleSet?: RuleSet): PrecheckResult {
  const asOfDate = parseDate(asOf);
  if (!asOfDate) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  const ip = assessIp(facts, ruleSet, asOfDate);
  const rubric = checkInnovationCapability(facts, ruleSet, asOfDate, ip);
  const criteria = [
    checkRegistration(facts, ruleSet, asOfDate),
    checkIp(ip, ruleSet, asOf),
    checkField(facts, ruleSet),
    checkTechStaff(facts, ruleSet),
    checkRdShare(facts, ruleSet),
    checkDomesticRd(facts, ruleSet),
    checkHiTechRevenue(facts, ruleSet),
    rubric.criterion,
    checkIncidents(facts),
  ];
  const outcome = overallOutcome(criteria);
  const result: PrecheckResult = {
    programme: 'high-tech-enterprise',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    asOf,
    outcome,
    pendingReview: pendingReview(criteria),
    criteria,
    rubricProposal: rubric.proposals,
  };
  const notes: Bilingual[] = [];
  // The award is what a recognised firm would receive; a firm that fails a condition cannot be recognised.
  if (awardRuleSet && outcome !== 'ineligible') {
    const computed = computeAward(facts, awardRuleSet);
    if (computed.award) result.award = computed.award;
    notes.push(...computed.notes);
  }
  if (!awardRuleSet) notes.push(bilingual(`${asOf} 无有效的广州市认定奖励方案`, `No Guangzhou recognition award scheme is in force on ${asOf}`));
  if (notes.length > 0) result.notes = notes;
  return result;
}
