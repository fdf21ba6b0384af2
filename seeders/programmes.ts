// The five programmes of the plan, seeded on every start (idempotent upsert).
import type { Database } from '../server/db/connection.ts';

export const programmeSeeds = [
  {
    code: 'high-tech-enterprise',
    nameZh: '高新技术企业认定与奖励',
    nameEn: 'High-tech enterprise recognition and awards',
    summaryZh:
      '申请国家高新技术企业认定，认定后可按广州市高新技术企业认定奖励政策获得奖励。需满足注册满一年、拥有核心知识产权、科技人员占比不低于 10%、研发费用和高新技术收入占比达标等条件。',
    summaryEn:
      'Apply for recognition as a national high-tech enterprise; recognised firms receive the Guangzhou recognition award. Conditions include one full year of registration, owned core IP, at least 10% S&T staff, and minimum shares of R&D expense and high-tech revenue.',
    policyBasis: '国科发火〔2016〕32号《高新技术企业认定管理办法》；国科发火〔2016〕195号《高新技术企业认定管理工作指引》；穗科规字〔2021〕4号',
    planAction: '高新技术企业树标提质行动',
    sortOrder: 1,
  },
  {
    code: 'tech-sme',
    nameZh: '科技型中小企业评价',
    nameEn: 'Science-and-technology SME evaluation',
    summaryZh:
      '职工总数不超过 500 人、年销售收入和资产总额均不超过 2 亿元的企业，按科技人员、研发投入和科技成果三项指标评分，60 分以上（且科技人员指标得分不为 0）即可入库；满足直接认定条件的可免评分。',
    summaryEn:
      'Firms with at most 500 staff and at most 200 million yuan of sales and of assets are scored on S&T staff, R&D and IP; 60 points (with a non-zero staff score) qualifies, and some firms qualify directly.',
    policyBasis: '国科发政〔2017〕115号《科技型中小企业评价办法》',
    planAction: '中小创新企业成长行动',
    sortOrder: 2,
  },
  {
    code: 'unicorn-cultivation',
    nameZh: '独角兽企业发现培育',
    nameEn: 'Unicorn discovery and cultivation',
    summaryZh:
      '面向成立不超过 10 年、获得过股权投资、未上市、估值 1 亿美元以上的战略性新兴产业企业，认定为独角兽（估值 10 亿美元以上）或未来独角兽，并按区级政策给予扶持。',
    summaryEn:
      'For unlisted firms in strategic emerging industries, at most 10 years old, with equity investment and a valuation of at least US$100 million: recognised as unicorns (US$1 billion and above) or future unicorns, with district support.',
    policyBasis: '发现广州独角兽创新企业（2017年起）；穗埔科规字〔2021〕5号',
    planAction: '独角兽企业发现培育行动',
    sortOrder: 3,
  },
  {
    code: 'talent-team',
    nameZh: '创新创业领军团队支持',
    nameEn: 'Innovation leading-team support',
    summaryZh:
      '羊城创新创业领军人才支持计划：企业为领军人才及其核心团队申请人才经费和项目经费资助，团队须承诺至少合作 3 年，项目研发投入不低于 1000 万元。',
    summaryEn:
      'Yangcheng leading-talent programme: a firm applies for talent and project funding for a leader and core team that commit to stay together for at least three years, with an R&D project budget of at least 10 million yuan.',
    policyBasis: '穗组字〔2016〕16号《羊城创新创业领军人才支持计划实施办法》',
    planAction: '人才保障：重点人才靶向引进',
    sortOrder: 4,
  },
  {
    code: 'residence-points',
    nameZh: '积分制入户认定',
    nameEn: 'Residence-point recognition',
    summaryZh:
      '人才团队成员可申请广州积分制入户积分认定：按居住证、住房、社保、学历、年龄、技能、专利等项目计分，并满足年龄、居住证、社保年限等条件。',
    summaryEn:
      'Talent-team members can request recognition of their points for Guangzhou household registration: points for the residence permit, housing, social insurance, education, age, skills and patents, with conditions on age, permit and insurance.',
    policyBasis: '穗府办规〔2020〕11号及广州市积分制入户（2018–2021年度）积分指标',
    planAction: '人才保障：积分引进人才入户',
    sortOrder: 5,
  },
];

export async function seedProgrammes(db: Database): Promise<void> {
  for (const programme of programmeSeeds) {
    await db.models.Programme.upsert(programme);
  }
}
