// Facts of the science-and-technology SME evaluation (tech-sme.md "Facts"); previous fiscal year.
import { count, factSchema, flag, quantity, yuan, zhEn } from './common.ts';

export const techSmeFactSchema = factSchema('tech-sme', zhEn('科技型中小企业评价', 'Science-and-technology SME evaluation'), {
  residentEnterprise: flag(zhEn('在中国境内（不含港澳台）注册的居民企业', 'Resident enterprise registered in mainland China')),
  employees: count(zhEn('职工总数', 'Total staff'), 'count'),
  salesRevenue: yuan(zhEn('上年度销售收入', 'Sales revenue, previous year')),
  totalAssets: yuan(zhEn('上年末资产总额', 'Total assets at the previous year end')),
  restrictedIndustry: flag(zhEn('产品或服务属于禁止、限制或淘汰类', 'Products or services in a prohibited, restricted or eliminated catalogue')),
  misconduct: flag(
    zhEn('上一年或当年有重大事故、严重违法失信行为或列入经营异常名录', 'Major accident, serious violation, research misconduct or abnormal-operation listing in the previous or current year'),
  ),
  staffTech: quantity(zhEn('科技人员数', 'S&T staff'), 'count', zhEn('兼职人员须累计工作 6 个月以上', 'Part-time staff only with more than 6 months in the year')),
  staffTotal: quantity(zhEn('职工总数（评分用）', 'Total staff (for the score)'), 'count'),
  rdExpense: yuan(zhEn('研发费用（加计扣除口径）', 'R&D expense (super-deduction basis)'), zhEn('按财税〔2015〕119号口径，不是高企口径', 'Per 财税〔2015〕119号, not the HTE basis')),
  totalCost: yuan(zhEn('成本费用支出总额', 'Total cost and expense')),
  ipClass1: count(zhEn('Ⅰ类知识产权数', 'Class I IP items'), 'count', zhEn('与主要产品相关的有效知识产权，不含商标', 'Valid IP tied to the main products, trademarks excluded')),
  ipClass2: count(zhEn('Ⅱ类知识产权数', 'Class II IP items'), 'count'),
  hteCertificateValid: flag(zhEn('持有有效的高新技术企业资格证书', 'Holds a valid HTE certificate')),
  nationalAwardTop3: flag(zhEn('近五年获国家级科技奖励且在前三名', 'National S&T award in the last 5 years, ranked in the top 3')),
  provincialRdInstitution: flag(zhEn('拥有经认定的省部级以上研发机构', 'Has a recognised provincial-level or higher R&D institution')),
  ledStandard: flag(zhEn('近五年主导制定国际、国家或行业标准', 'Led an international, national or industry standard in the last 5 years')),
});
