// Residence-point recognition for one person: the points table and PT-E01…E05 (residence-points.md).
// Points are exact rationals (patent shares can be thirds); they are rounded only for display.
import { addYears, compareDates, formatDate, fullYearsBetween, parseDate, type CalendarDate } from '../dates.ts';
import { add, compare, div, floor, fromNumber, min, mul, rational, sub, sum, toDecimalString, toExactString, toNumber2, type Rational } from '../exact.ts';
import { plainNumber } from '../format.ts';
import { bandsParameter, numberMapParameter, numberParameter, sourceOf, stringParameter } from '../parameters.ts';
import { readBoolean, readDate, readNumber, readObject, readObjectList, readString } from '../read-facts.ts';
import { bilingual, criterion, missingCriterion, overallOutcome, pendingReview } from '../results.ts';
import type { Bilingual, CriterionResult, Facts, PrecheckResult, RuleSet, ScoreItem } from '../rule-set.types.ts';

type Item = { id: string; label: Bilingual; points: Rational; missing: boolean; basis: Bilingual };

const ZERO = rational(0);

function capped(points: Rational, cap: number): Rational {
  return min(points, fromNumber(cap));
}

/** `per` points for each whole unit, capped. */
function perUnit(units: number, per: number, cap?: number): Rational {
  const whole = floor(fromNumber(units));
  const points = mul(rational(whole < 0n ? 0n : whole), fromNumber(per));
  return cap === undefined ? points : capped(points, cap);
}

function points(value: Rational): string {
  return toDecimalString(value, 2);
}

function permitItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('居住证', 'Residence permit');
  const years = readNumber(facts.permitYears);
  if (years === undefined) return { id: 'PT-B1a', label, points: ZERO, missing: true, basis: bilingual('未提供 permitYears', 'permitYears not given') };
  const value = perUnit(years, numberParameter(ruleSet, 'PT-B1a.pointsPerPermitYear'));
  return { id: 'PT-B1a', label, points: value, missing: false, basis: bilingual(`持证 ${plainNumber(years)} 年`, `${plainNumber(years)} year(s) held`) };
}

function housingItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('住所', 'Housing');
  const owns = readBoolean(facts.ownsHome);
  const ownPoints = numberParameter(ruleSet, 'PT-B1b.ownsHomePoints');
  if (owns === true) return { id: 'PT-B1b', label, points: fromNumber(ownPoints), missing: false, basis: bilingual('拥有自有产权住房', 'Owns a home') };
  const years = readNumber(facts.rentalYears);
  const cap = numberParameter(ruleSet, 'PT-B1b.rentalCap');
  const rental = years === undefined ? ZERO : perUnit(years, numberParameter(ruleSet, 'PT-B1b.pointsPerRentalYear'), cap);
  // Unknown home ownership could still be worth the home points, so the item stays open.
  const missing = years === undefined || (owns === undefined && compare(rental, fromNumber(ownPoints)) < 0);
  return {
    id: 'PT-B1b',
    label,
    points: rental,
    missing,
    basis: bilingual(`租赁住房 ${years === undefined ? '—' : plainNumber(years)} 年（上限 ${cap} 分）`, `${years === undefined ? '—' : plainNumber(years)} year(s) of registered rental (cap ${cap})`),
  };
}

function movedOutItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('迁出中心城区居住', 'Moved out of the core districts');
  const years = readNumber(facts.movedOutYears);
  if (years === undefined) return { id: 'PT-B1c', label, points: ZERO, missing: true, basis: bilingual('未提供 movedOutYears', 'movedOutYears not given') };
  const cap = numberParameter(ruleSet, 'PT-B1c.cap');
  return {
    id: 'PT-B1c',
    label,
    points: perUnit(years, numberParameter(ruleSet, 'PT-B1c.pointsPerMovedOutYear'), cap),
    missing: false,
    basis: bilingual(`${plainNumber(years)} 年（上限 ${cap} 分）`, `${plainNumber(years)} year(s) (cap ${cap})`),
  };
}

function insuranceItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('社会保险', 'Social insurance');
  const kinds = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'];
  const years = readObject(facts.insuranceYears);
  const per = numberParameter(ruleSet, 'PT-B2.pointsPerInsuranceYear');
  const given = kinds.map((kind) => readNumber(years?.[kind]));
  const value = sum(given.map((y) => (y === undefined ? ZERO : perUnit(y, per))));
  const parts = kinds.map((kind, i) => `${kind} ${given[i] === undefined ? '—' : plainNumber(given[i] as number)}`).join(', ');
  return { id: 'PT-B2', label, points: value, missing: given.some((y) => y === undefined), basis: bilingual(`各险种缴费年限：${parts}`, `Years per insurance: ${parts}`) };
}

function educationItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('文化程度', 'Education');
  const education = readString(facts.education);
  if (education === undefined) return { id: 'PT-B3', label, points: ZERO, missing: true, basis: bilingual('未提供 education', 'education not given') };
  const table = numberMapParameter(ruleSet, 'PT-B3.educationPoints');
  return { id: 'PT-B3', label, points: fromNumber(table[education] ?? 0), missing: false, basis: bilingual(`文化程度：${education}`, `Education: ${education}`) };
}

function ageItem(age: number | undefined, ruleSet: RuleSet): Item {
  const label = bilingual('年龄', 'Age');
  if (age === undefined) return { id: 'PT-B4', label, points: ZERO, missing: true, basis: bilingual('未提供 birthDate', 'birthDate not given') };
  const band = bandsParameter(ruleSet, 'PT-B4.ageBands').find((b) => age >= (b.atLeast ?? 0) && age <= (b.max ?? Infinity));
  return { id: 'PT-B4', label, points: fromNumber(band?.points ?? 0), missing: false, basis: bilingual(`${age} 周岁`, `${age} full years old`) };
}

function skillItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('职称、职业资格或技能', 'Title or skill');
  const skill = readString(facts.skill);
  if (skill === undefined) return { id: 'PT-P1', label, points: ZERO, missing: true, basis: bilingual('未提供 skill', 'skill not given') };
  const base = numberMapParameter(ruleSet, 'PT-P1.skillPoints')[skill] ?? 0;
  if (base === 0) return { id: 'PT-P1', label, points: ZERO, missing: false, basis: bilingual('无职称或技能', 'No title or skill') };
  const matches = readBoolean(facts.skillMatchesJob);
  const bonus = matches === true ? numberParameter(ruleSet, 'PT-P1.matchingJobBonus') : 0;
  return {
    id: 'PT-P1',
    label,
    points: fromNumber(base + bonus),
    missing: matches === undefined,
    basis: bilingual(
      `${skill} ${base} 分${matches === true ? `，从事对应职业加 ${bonus} 分` : ''}`,
      `${skill} ${base} points${matches === true ? `, +${bonus} for working in that occupation` : ''}`,
    ),
  };
}

function patentItem(facts: Facts, ruleSet: RuleSet, asOf: CalendarDate): Item {
  const label = bilingual('专利', 'Patents');
  const patents = readObjectList(facts.patents);
  if (patents === undefined) return { id: 'PT-P2a', label, points: ZERO, missing: true, basis: bilingual('未提供 patents', 'patents not given') };
  const values = numberMapParameter(ruleSet, 'PT-P2a.patentPoints');
  const caps = numberMapParameter(ruleSet, 'PT-P2a.patentCaps');
  const firstShares = numberParameter(ruleSet, 'PT-P2a.firstInventorShares');
  const windowStart = addYears(asOf, -numberParameter(ruleSet, 'PT-P2a.windowYears'));
  const byType: Record<string, Rational> = {};
  let outsideWindow = 0;
  for (const patent of patents) {
    const type = readString(patent.type) ?? '';
    const inventors = readNumber(patent.inventors);
    const granted = readDate(patent.grantedOn);
    if (!(type in values) || inventors === undefined || inventors < 1) continue;
    // Only patents granted in the window up to asOf count; an undated entry is taken as declared (in the window).
    if (granted && (compareDates(granted, windowStart) < 0 || compareDates(granted, asOf) > 0)) {
      outsideWindow += 1;
      continue;
    }
    const shares = readBoolean(patent.firstInventor) === true ? firstShares : 1;
    const share = div(mul(fromNumber(values[type]), fromNumber(shares)), add(fromNumber(Math.floor(inventors)), rational(1)));
    byType[type] = add(byType[type] ?? ZERO, share);
  }
  const perType = Object.keys(values).map((type) => ({ type, points: capped(byType[type] ?? ZERO, caps[type] ?? Infinity) }));
  const parts = perType.map((entry) => `${entry.type} ${points(entry.points)}`).join(', ');
  return {
    id: 'PT-P2a',
    label,
    points: sum(perType.map((entry) => entry.points)),
    missing: false,
    basis: bilingual(
      `按类型：${parts}${outsideWindow ? `；${outsideWindow} 项不在 ${formatDate(windowStart)} 至 ${formatDate(asOf)} 授权期内，不计分` : ''}`,
      `By type: ${parts}${outsideWindow ? `; ${outsideWindow} not granted between ${formatDate(windowStart)} and ${formatDate(asOf)}, not counted` : ''}`,
    ),
  };
}

function cappedYearsItem(facts: Facts, ruleSet: RuleSet, id: string, fact: string, perId: string, capId: string, label: Bilingual): Item {
  const units = readNumber(facts[fact]);
  if (units === undefined) return { id, label, points: ZERO, missing: true, basis: bilingual(`未提供 ${fact}`, `${fact} not given`) };
  const cap = numberParameter(ruleSet, capId);
  return {
    id,
    label,
    points: perUnit(units, numberParameter(ruleSet, perId), cap),
    missing: false,
    basis: bilingual(`${plainNumber(units)}（上限 ${cap} 分）`, `${plainNumber(units)} (cap ${cap})`),
  };
}

function volunteerItem(facts: Facts, ruleSet: RuleSet): Item {
  const label = bilingual('志愿服务', 'Volunteering');
  const hours = readNumber(facts.volunteerHours);
  if (hours === undefined) return { id: 'PT-P4b', label, points: ZERO, missing: true, basis: bilingual('未提供 volunteerHours', 'volunteerHours not given') };
  const step = numberParameter(ruleSet, 'PT-P4b.hoursPerStep');
  const cap = numberParameter(ruleSet, 'PT-P4b.cap');
  const steps = floor(div(fromNumber(hours), fromNumber(step)));
  const value = capped(mul(rational(steps < 0n ? 0n : steps), fromNumber(numberParameter(ruleSet, 'PT-P4b.pointsPerStep'))), cap);
  return { id: 'PT-P4b', label, points: value, missing: false, basis: bilingual(`${plainNumber(hours)} 小时，满 ${step} 小时 ${steps} 次`, `${plainNumber(hours)} hours: ${steps} full step(s) of ${step}`) };
}

function checkAge(age: number | undefined, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'PT-E01.maxAge');
  if (age === undefined) return missingCriterion('PT-E01', citation, ['birthDate']);
  const maxAge = numberParameter(ruleSet, 'PT-E01.maxAge');
  if (age <= maxAge) return criterion('PT-E01', 'pass', citation, bilingual(`${age} 周岁，不超过 ${maxAge} 周岁`, `${age} full years old, at most ${maxAge} as required`), age, maxAge);
  return criterion('PT-E01', 'fail', citation, bilingual(`${age} 周岁，超过 ${maxAge} 周岁的上限`, `${age} full years old, above the limit of ${maxAge}`), age, maxAge);
}

function checkPermit(facts: Facts, ruleSet: RuleSet, asOf: CalendarDate): CriterionResult {
  const citation = sourceOf(ruleSet, 'PT-E02.permitCity');
  const requiredCity = stringParameter(ruleSet, 'PT-E02.permitCity');
  const city = readString(facts.permitCity);
  const validTo = readDate(facts.permitValidTo);
  const asOfText = formatDate(asOf);
  const required = { permitCity: requiredCity, validOnOrAfter: asOfText };
  if (city !== undefined && city.trim().toLowerCase() !== requiredCity) {
    return criterion('PT-E02', 'fail', citation, bilingual(`居住证由 ${city} 签发，须为本市（${requiredCity}）签发`, `Residence permit issued by ${city}; it must be issued by ${requiredCity}`), { permitCity: city }, required);
  }
  if (validTo && compareDates(validTo, asOf) < 0) {
    return criterion(
      'PT-E02',
      'fail',
      citation,
      bilingual(`居住证有效期至 ${formatDate(validTo)}，在 ${asOfText} 已过期`, `Residence permit valid to ${formatDate(validTo)}, expired by ${asOfText}`),
      { permitCity: city, permitValidTo: formatDate(validTo) },
      required,
    );
  }
  if (city === undefined || !validTo) {
    return missingCriterion('PT-E02', citation, [city === undefined ? 'permitCity' : '', validTo ? '' : 'permitValidTo'].filter(Boolean));
  }
  return criterion(
    'PT-E02',
    'pass',
    citation,
    bilingual(`持有本市居住证，有效期至 ${formatDate(validTo)}`, `Holds a Guangzhou residence permit valid to ${formatDate(validTo)}`),
    { permitCity: city, permitValidTo: formatDate(validTo) },
    required,
  );
}

function checkInsurance(facts: Facts, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'PT-E03.minSocialInsuranceMonths');
  const months = readNumber(facts.socialInsuranceMonths);
  if (months === undefined) return missingCriterion('PT-E03', citation, ['socialInsuranceMonths']);
  const minimum = numberParameter(ruleSet, 'PT-E03.minSocialInsuranceMonths');
  if (months >= minimum) {
    return criterion('PT-E03', 'pass', citation, bilingual(`本市社会保险 ${plainNumber(months)} 个月，不少于 ${minimum} 个月`, `${plainNumber(months)} months of Guangzhou social insurance, at least ${minimum} as required`), months, minimum);
  }
  return criterion(
    'PT-E03',
    'fail',
    citation,
    bilingual(`本市社会保险 ${plainNumber(months)} 个月，少于 ${minimum} 个月的要求，还差 ${plainNumber(minimum - months)} 个月`, `${plainNumber(months)} months of Guangzhou social insurance, below the required ${minimum}; ${plainNumber(minimum - months)} more months needed`),
    months,
    minimum,
  );
}

function checkTotal(total: Rational, anyMissing: boolean, ruleSet: RuleSet): CriterionResult {
  const citation = sourceOf(ruleSet, 'PT-E04.minPoints');
  const minimum = numberParameter(ruleSet, 'PT-E04.minPoints');
  const shown = points(total);
  if (compare(total, fromNumber(minimum)) >= 0) {
    return criterion('PT-E04', 'pass', citation, bilingual(`积分合计 ${shown} 分，不低于 ${minimum} 分`, `Total ${shown} points, at least ${minimum} as required`), toNumber2(total), minimum);
  }
  if (anyMissing) {
    return criterion('PT-E04', 'missing', citation, bilingual(`已填数据积分合计 ${shown} 分，低于 ${minimum} 分，但部分积分项未填写`, `${shown} points from the facts given, below ${minimum}, but some items were not given`), toNumber2(total), minimum);
  }
  const gap = points(sub(fromNumber(minimum), total));
  return criterion('PT-E04', 'fail', citation, bilingual(`积分合计 ${shown} 分，低于 ${minimum} 分的要求，还差 ${gap} 分`, `Total ${shown} points, below the required ${minimum} by ${gap}`), toNumber2(total), minimum);
}

function checkCriminalRecord(facts: Facts): CriterionResult {
  const citation = '广州市积分制入户积分指标及分值表（2018—2021年度） 基本条件 近5年无刑事处罚';
  const record = readBoolean(facts.criminalRecord5y);
  if (record === undefined) return missingCriterion('PT-E05', citation, ['criminalRecord5y']);
  if (!record) return criterion('PT-E05', 'pass', citation, bilingual('近 5 年未受过刑事处罚', 'No criminal penalty in the last 5 years'), false, false);
  return criterion('PT-E05', 'fail', citation, bilingual('近 5 年受过刑事处罚', 'A criminal penalty in the last 5 years'), true, false);
}

export function evaluateResidencePoints(facts: Facts, ruleSet: RuleSet, asOf: string): PrecheckResult {
  const asOfDate = parseDate(asOf);
  if (!asOfDate) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  const birth = readDate(facts.birthDate);
  const age = birth ? fullYearsBetween(birth, asOfDate) : undefined;
  const items: Item[] = [
    permitItem(facts, ruleSet),
    housingItem(facts, ruleSet),
    movedOutItem(facts, ruleSet),
    insuranceItem(facts, ruleSet),
    educationItem(facts, ruleSet),
    ageItem(age, ruleSet),
    skillItem(facts, ruleSet),
    patentItem(facts, ruleSet, asOfDate),
    cappedYearsItem(facts, ruleSet, 'PT-P2b', 'hteYears', 'PT-P2b.pointsPerHteYear', 'PT-P2b.cap', bilingual('高新技术企业工作', 'Work at an HTE')),
    cappedYearsItem(facts, ruleSet, 'PT-P4a', 'bloodDonations', 'PT-P4a.pointsPerDonation', 'PT-P4a.cap', bilingual('献血', 'Blood donation')),
    volunteerItem(facts, ruleSet),
  ];
  const total = sum(items.map((item) => item.points));
  const anyMissing = items.some((item) => item.missing);
  const criteria = [
    checkAge(age, ruleSet),
    checkPermit(facts, ruleSet, asOfDate),
    checkInsurance(facts, ruleSet),
    checkTotal(total, anyMissing, ruleSet),
    checkCriminalRecord(facts),
  ];
  const scoreItems: ScoreItem[] = items.map((item) => ({
    id: item.id,
    label: item.label,
    points: toNumber2(item.points),
    exact: toExactString(item.points),
    ...(item.missing ? { missing: true } : {}),
    basis: item.basis,
  }));
  return {
    programme: 'residence-points',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    asOf,
    outcome: overallOutcome(criteria),
    score: toNumber2(total),
    scoreExact: toExactString(total),
    pendingReview: pendingReview(criteria),
    criteria,
    scoreItems,
    notes: [
      bilingual(
        '纳税（PT-P5）、表彰奖励（PT-P6）积分及扣分项待确认，由经办人录入，未计入；积分由经办人核定',
        'Tax (PT-P5) and honour (PT-P6) points and deductions are to be confirmed and entered by an officer, so they are not counted; an officer confirms the points',
      ),
    ],
  };
}
