// What each programme asks for beyond facts: evidence documents and, where experts score, the rubric.
import type { Bilingual, ProgrammeCode } from '../eligibility/rule-set.types.ts';

export type DocumentRequirement = { kind: string; required: boolean; label: Bilingual };
export type RubricItem = { id: string; label: Bilingual; min: number; max: number; section?: string };

const licence: DocumentRequirement = { kind: 'business_licence', required: true, label: { zh: '营业执照', en: 'Business licence' } };

export const documentRequirements: Record<ProgrammeCode, DocumentRequirement[]> = {
  'high-tech-enterprise': [
    licence,
    { kind: 'ip_certificates', required: true, label: { zh: '知识产权证书', en: 'IP certificates' } },
    { kind: 'rd_audit_report', required: true, label: { zh: '近三个会计年度研发费用专项审计报告', en: 'Special audit of R&D expense for the last three years' } },
    { kind: 'hitech_revenue_audit', required: true, label: { zh: '近一个会计年度高新技术产品（服务）收入专项审计报告', en: 'Special audit of high-tech product and service revenue for the last year' } },
    { kind: 'financial_statements', required: true, label: { zh: '近三个会计年度财务会计报告', en: 'Financial statements for the last three years' } },
    { kind: 'staff_list', required: true, label: { zh: '职工和科技人员情况说明', en: 'Staff and S&T staff statement' } },
    { kind: 'transfer_evidence', required: false, label: { zh: '科技成果转化证明材料', en: 'Evidence of results transferred' } },
  ],
  'tech-sme': [
    licence,
    { kind: 'financial_statements', required: true, label: { zh: '上一年度财务会计报告', en: "Last year's financial statements" } },
    { kind: 'ip_certificates', required: false, label: { zh: '知识产权证书', en: 'IP certificates' } },
    { kind: 'direct_qualification_evidence', required: false, label: { zh: '直接认定条件证明材料', en: 'Evidence for direct qualification' } },
  ],
  'unicorn-cultivation': [
    licence,
    { kind: 'financing_agreements', required: true, label: { zh: '股权融资协议及到账凭证', en: 'Equity financing agreements and proof of payment' } },
    { kind: 'valuation_evidence', required: true, label: { zh: '估值证明材料', en: 'Valuation evidence' } },
    { kind: 'financial_statements', required: true, label: { zh: '近三年财务报告', en: 'Financial statements for the last three years' } },
  ],
  'talent-team': [
    licence,
    { kind: 'leader_cv', required: true, label: { zh: '带头人简历及成果证明', en: "Leader's CV and achievements" } },
    { kind: 'team_agreement', required: true, label: { zh: '团队合作协议', en: 'Team agreement' } },
    { kind: 'project_plan', required: true, label: { zh: '项目实施方案及经费预算', en: 'Project plan and budget' } },
    { kind: 'member_consents', required: true, label: { zh: '成员个人信息处理单独同意书', en: "Members' separate consents to personal-data processing" } },
  ],
  'residence-points': [
    { kind: 'residence_permit', required: true, label: { zh: '广东省居住证', en: 'Guangdong residence permit' } },
    { kind: 'social_insurance_record', required: true, label: { zh: '社会保险缴费记录', en: 'Social insurance record' } },
    { kind: 'education_certificate', required: false, label: { zh: '学历证书', en: 'Education certificate' } },
    { kind: 'skill_certificate', required: false, label: { zh: '职称或职业技能证书', en: 'Professional title or skill certificate' } },
    { kind: 'member_consent', required: true, label: { zh: '个人信息处理单独同意书', en: 'Separate consent to personal-data processing' } },
  ],
};

const expertBand = (id: string, zh: string, en: string, max: number, section: string): RubricItem => ({ id, label: { zh, en }, min: 0, max, section });

/** 指引 innovation-capability rubric (max 100); reviewers score inside the proposed bands. */
const hteRubric: RubricItem[] = [
  expertBand('A1', '技术的先进程度', 'Technical advancement', 8, 'A'),
  expertBand('A2', '对主要产品（服务）的核心支持作用', 'Core support to main products', 8, 'A'),
  expertBand('A3', '知识产权数量', 'Quantity of IP', 8, 'A'),
  expertBand('A4', '知识产权获得方式', 'How the IP was acquired', 6, 'A'),
  expertBand('A5', '参与标准制定（加分）', 'Standards drafted (bonus)', 2, 'A'),
  expertBand('B', '科技成果转化能力', 'Transfer of results', 30, 'B'),
  expertBand('C1', '研发组织管理制度与研发投入核算体系', 'R&D management rules and ledgers', 6, 'C'),
  expertBand('C2', '研发机构与产学研合作', 'R&D institution and industry–university cooperation', 6, 'C'),
  expertBand('C3', '成果转化奖励与开放平台', 'Transfer incentives and open platforms', 4, 'C'),
  expertBand('C4', '人才培养、引进与绩效奖励', 'Training, recruitment and rewards', 4, 'C'),
  expertBand('D1', '净资产增长率', 'Net-asset growth', 10, 'D'),
  expertBand('D2', '销售收入增长率', 'Sales growth', 10, 'D'),
];

const unicornRubric: RubricItem[] = [
  expertBand('U1', '团队', 'Team', 25, 'growth'),
  expertBand('U2', '技术', 'Technology', 25, 'growth'),
  expertBand('U3', '市场', 'Market', 25, 'growth'),
  expertBand('U4', '融资', 'Financing', 25, 'growth'),
];

/** [TBC] The guide names these aspects without points; an officer confirms the weights. */
const talentRubric: RubricItem[] = [
  expertBand('T1', '带头人水平与成果', "Leader's standing and results", 30, 'team'),
  expertBand('T2', '团队结构与稳定性', 'Team structure and stability', 20, 'team'),
  expertBand('T3', '项目技术先进性', 'Technical advancement of the project', 30, 'project'),
  expertBand('T4', '产业化前景与经济效益', 'Commercial prospects', 20, 'project'),
];

export const rubrics: Partial<Record<ProgrammeCode, { maxTotal: number; items: RubricItem[]; evidence: 'V' | 'V1' | 'TBC' }>> = {
  'high-tech-enterprise': { maxTotal: 100, items: hteRubric, evidence: 'V' },
  'unicorn-cultivation': { maxTotal: 100, items: unicornRubric, evidence: 'V1' },
  'talent-team': { maxTotal: 100, items: talentRubric, evidence: 'TBC' },
};
