// Unicorn discovery and cultivation (shared/policy/unicorn.md): city criteria and the 黄埔 support scheme.
import type { RuleSet } from '../rule-set.types.ts';

const CITY = '发现广州独角兽创新企业 评选条件（2017）';
const HUANGPU = '穗埔科规字〔2021〕5号';

export const gzUnicorn2017: RuleSet = {
  id: 'gz-unicorn-2017',
  programme: 'unicorn-cultivation',
  kind: 'eligibility',
  version: 1,
  effectiveFrom: '2017-01-01',
  effectiveTo: null,
  parameters: [
    {
      id: 'UNI-E02.minEquityRounds',
      criterion: 'UNI-E02',
      label: { zh: '获得股权投资最少轮数', en: 'Minimum equity rounds received' },
      value: 1,
      unit: 'count',
      source: `${CITY} 获得过私募投资且未上市`,
      evidence: 'V',
    },
    {
      id: 'UNI-E03.maxYearsFounded',
      criterion: 'UNI-E03',
      label: { zh: '成立年限上限（含）', en: 'Maximum years since founding (inclusive)' },
      value: 10,
      unit: 'years',
      source: `${CITY} 成立时间不超过10年`,
      evidence: 'V',
    },
    {
      id: 'UNI-E04.minValuationUsd',
      criterion: 'UNI-E04',
      label: { zh: '最近估值下限（含）', en: 'Minimum latest valuation (inclusive)' },
      value: 100000000,
      unit: 'usd',
      source: `${CITY} 未来独角兽估值标准`,
      evidence: 'V1',
    },
    {
      id: 'UNI-CAT.unicornMinValuationUsd',
      criterion: 'UNI-E04',
      label: { zh: '独角兽估值下限（含）', en: 'Unicorn valuation, at least' },
      value: 1000000000,
      unit: 'usd',
      source: `${CITY} 独角兽估值标准`,
      evidence: 'V1',
    },
  ],
};

export const huangpuUnicorn2021: RuleSet = {
  id: 'huangpu-unicorn-2021',
  programme: 'unicorn-cultivation',
  kind: 'award',
  version: 1,
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  parameters: [
    {
      id: 'HP-UNI.oneOff',
      criterion: 'UNI-AWARD',
      label: { zh: '一次性奖励（按类别）', en: 'One-off award by category' },
      value: { unicorn: 5000000, future_unicorn: 2000000 },
      unit: 'yuan',
      source: `${HUANGPU} 独角兽、未来独角兽一次性奖励`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.upgradeTopUp',
      criterion: 'UNI-AWARD',
      label: { zh: '晋级独角兽补差奖励', en: 'Top-up on upgrade to unicorn' },
      value: 3000000,
      unit: 'yuan',
      source: `${HUANGPU} 晋级奖励`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.rdRate',
      criterion: 'UNI-AWARD',
      label: { zh: '认定当年可加计扣除研发费用补助比例', en: 'Share of the recognition year’s super-deductible R&D' },
      value: 0.2,
      unit: 'ratio',
      source: `${HUANGPU} 研发投入补助`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.rdCap',
      criterion: 'UNI-AWARD',
      label: { zh: '研发投入补助上限（按类别）', en: 'R&D support cap by category' },
      value: { unicorn: 1000000, future_unicorn: 500000 },
      unit: 'yuan',
      source: `${HUANGPU} 研发投入补助`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.equityRate',
      criterion: 'UNI-AWARD',
      label: { zh: '认定当年获得股权投资奖励比例', en: 'Share of equity investment received in the recognition year' },
      value: 0.05,
      unit: 'ratio',
      source: `${HUANGPU} 融资奖励`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.equityCap',
      criterion: 'UNI-AWARD',
      label: { zh: '融资奖励上限（按类别）', en: 'Financing award cap by category' },
      value: { unicorn: 2000000, future_unicorn: 1000000 },
      unit: 'yuan',
      source: `${HUANGPU} 融资奖励`,
      evidence: 'V1',
    },
    {
      id: 'HP-UNI.potentialMaxYears',
      criterion: 'UNI-AWARD',
      label: { zh: '黄埔潜在独角兽成立年限上限（含）', en: 'Huangpu potential unicorn: years since founding, at most' },
      value: 5,
      unit: 'years',
      source: `${HUANGPU} 潜在独角兽`,
      evidence: 'V1',
    },
  ],
};

export const unicornRuleSets: RuleSet[] = [gzUnicorn2017, huangpuUnicorn2021];
