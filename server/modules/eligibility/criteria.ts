// The name of every criterion, for catalogues and letters (results carry the full explanation).
// Ids are the stable public identifiers of shared/policy.
import type { Bilingual, ProgrammeCode } from './rule-set.types.ts';

export const criterionNames: Record<ProgrammeCode, Record<string, Bilingual>> = {
  'high-tech-enterprise': {
    'HTE-E01': { zh: '注册成立满一年', en: 'Registered for at least one full year' },
    'HTE-E02': { zh: '拥有核心知识产权', en: 'Owns core intellectual property' },
    'HTE-E03': { zh: '属于国家重点支持的高新技术领域', en: 'In a high-tech field under key state support' },
    'HTE-E04': { zh: '科技人员占职工总数不低于 10%', en: 'S&T staff at least 10% of all staff' },
    'HTE-E05': { zh: '研发费用占销售收入比例达标', en: 'R&D expense share of sales meets the band' },
    'HTE-E06': { zh: '境内研发费用占比不低于 60%', en: 'R&D in China at least 60% of R&D' },
    'HTE-E07': { zh: '高新技术产品（服务）收入占比不低于 60%', en: 'High-tech revenue at least 60% of revenue' },
    'HTE-E08': { zh: '创新能力评价得分 70 分以上', en: 'Innovation-capability score above 70' },
    'HTE-E09': { zh: '申请前一年内无重大安全、质量事故或严重环境违法行为', en: 'No major safety, quality or environmental incident in the prior year' },
  },
  'tech-sme': {
    'SME-E01': { zh: '在中国境内注册的居民企业', en: 'Resident enterprise registered in mainland China' },
    'SME-E02': { zh: '职工不超过 500 人，年销售收入和资产总额均不超过 2 亿元', en: 'At most 500 staff, and sales and assets each at most 200 million yuan' },
    'SME-E03': { zh: '产品和服务不属于禁止、限制和淘汰类', en: 'Products and services not prohibited, restricted or eliminated' },
    'SME-E04': { zh: '近两年无重大事故、严重违法失信行为', en: 'No major incident, serious violation or misconduct in the last two years' },
    'SME-E05': { zh: '综合评价得分不低于 60 分且科技人员指标得分不为 0（或直接认定）', en: 'Score at least 60 with a non-zero staff score (or direct qualification)' },
  },
  'unicorn-cultivation': {
    'UNI-E01': { zh: '尚未上市', en: 'Not listed' },
    'UNI-E02': { zh: '获得过股权投资', en: 'Has received equity investment' },
    'UNI-E03': { zh: '成立不超过 10 年', en: 'Founded at most 10 years ago' },
    'UNI-E04': { zh: '估值不低于 1 亿美元', en: 'Valuation at least US$100 million' },
    'UNI-E05': { zh: '属于战略性新兴产业', en: 'In a strategic emerging industry' },
  },
  'talent-team': {
    'TT-E01': { zh: '除带头人外至少 2 名核心成员', en: 'At least two core members besides the leader' },
    'TT-E02': { zh: '团队承诺合作不少于 3 年', en: 'Team commits to stay together at least three years' },
    'TT-E03': { zh: '属于重点支持领域', en: 'In a priority field' },
    'TT-E04': { zh: '带头人拥有发明专利或主持过重大项目', en: 'Leader holds an invention patent or led a major project' },
    'TT-E05': { zh: '带头人到岗时间符合要求', en: 'Leader joined the applicant within the allowed time' },
    'TT-E06': { zh: '项目研发投入不低于 1000 万元', en: 'R&D project budget at least 10 million yuan' },
  },
  'residence-points': {
    'PT-E01': { zh: '年龄不超过 45 周岁', en: 'Aged 45 or under' },
    'PT-E02': { zh: '持有有效的广州市居住证', en: 'Holds a valid Guangzhou residence permit' },
    'PT-E03': { zh: '在广州缴纳社会保险满 4 年', en: 'Four years of Guangzhou social insurance' },
    'PT-E04': { zh: '积分达到 100 分', en: 'At least 100 points' },
    'PT-E05': { zh: '近 5 年内无刑事处罚记录', en: 'No criminal penalty in the last five years' },
  },
};
