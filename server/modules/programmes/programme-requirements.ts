// What each programme asks for beyond facts: evidence documents and, where experts score, the rubric.
import type { Bilingual, ProgrammeCode } from '../eligibility/rule-set.types.ts';

export type DocumentRequirement = { kind: string; required: boolean; label: Bilingual };
export type RubricItem = { id: string; label: Bilingual; min: number; max: number; section: string; bands?: RubricBand[] };

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

export type RubricBand = { code: string; min: number; max: number };
export type RubricSection = { id: string; label: Bilingual; max: number };
export type Rubric = { maxTotal: number; sections: RubricSection[]; items: RubricItem[]; evidence: 'V' | 'V1' | 'TBC' };
/** Who must sit on a panel: at least `minSize` reviewers, `minFinancial` financial experts and a technical share. */
export type PanelRules = { minSize: number; minFinancial: number; minTechnicalShare: number };

const item = (id: string, zh: string, en: string, max: number, section: string, bands?: RubricBand[]): RubricItem => ({
  id,
  label: { zh, en },
  min: 0,
  max,
  section,
  ...(bands && { bands }),
});
const band = (code: string, min: number, max: number): RubricBand => ({ code, min, max });
const expertBands = [band('A', 7, 8), band('B', 5, 6), band('C', 3, 4), band('D', 1, 2), band('E', 0, 0)];
const a3Bands = [band('≥1 Ⅰ', 7, 8), band('≥5 Ⅱ', 5, 6), band('3–4 Ⅱ', 3, 4), band('1–2 Ⅱ', 1, 2), band('0', 0, 0)];
const a4Bands = [band('self', 1, 6), band('acquired', 1, 3), band('none', 0, 0)];
const transferBands = [band('≥5', 25, 30), band('≥4', 19, 24), band('≥3', 13, 18), band('≥2', 7, 12), band('≥1', 1, 6), band('0', 0, 0)];
const growthBands = [band('≥35%', 9, 10), band('≥25%', 7, 8), band('≥15%', 5, 6), band('≥5%', 3, 4), band('>0', 1, 2), band('≤0', 0, 0)];

/** 指引 innovation-capability rubric (max 100); reviewers score inside the bands, the platform proposes A3, A4, B, D1, D2. */
const hteRubric: Rubric = {
  maxTotal: 100,
  evidence: 'V',
  sections: [
    { id: 'A', label: { zh: '知识产权', en: 'Intellectual property' }, max: 30 },
    { id: 'B', label: { zh: '科技成果转化能力', en: 'Transfer of results' }, max: 30 },
    { id: 'C', label: { zh: '研究开发组织管理水平', en: 'R&D organisation and management' }, max: 20 },
    { id: 'D', label: { zh: '企业成长性', en: 'Growth' }, max: 20 },
  ],
  items: [
    item('A1', '技术的先进程度', 'Technical advancement', 8, 'A', expertBands),
    item('A2', '对主要产品（服务）的核心支持作用', 'Core support to main products', 8, 'A', expertBands),
    item('A3', '知识产权数量', 'Quantity of IP', 8, 'A', a3Bands),
    item('A4', '知识产权获得方式', 'How the IP was acquired', 6, 'A', a4Bands),
    item('A5', '参与标准制定（加分）', 'Standards drafted (bonus)', 2, 'A'),
    item('B', '科技成果转化能力', 'Transfer of results', 30, 'B', transferBands),
    item('C1', '研发组织管理制度与研发投入核算体系', 'R&D management rules and ledgers', 6, 'C'),
    item('C2', '研发机构与产学研合作', 'R&D institution and industry–university cooperation', 6, 'C'),
    item('C3', '成果转化奖励与开放平台', 'Transfer incentives and open platforms', 4, 'C'),
    item('C4', '人才培养、引进与绩效奖励', 'Training, recruitment and rewards', 4, 'C'),
    item('D1', '净资产增长率', 'Net-asset growth', 10, 'D', growthBands),
    item('D2', '销售收入增长率', 'Sales growth', 10, 'D', growthBands),
  ],
};

/** [V1] The city's unicorn evaluation weighs four aspects equally. */
const unicornRubric: Rubric = {
  maxTotal: 100,
  evidence: 'V1',
  sections: [{ id: 'growth', label: { zh: '成长性评价', en: 'Growth assessment' }, max: 100 }],
  items: [
    item('U1', '团队', 'Team', 25, 'growth'),
    item('U2', '技术', 'Technology', 25, 'growth'),
    item('U3', '市场', 'Market', 25, 'growth'),
    item('U4', '融资', 'Financing', 25, 'growth'),
  ],
};

/** [TBC] The guide names these aspects without points; an officer confirms the weights. */
const talentRubric: Rubric = {
  maxTotal: 100,
  evidence: 'TBC',
  sections: [
    { id: 'team', label: { zh: '团队', en: 'Team' }, max: 50 },
    { id: 'project', label: { zh: '项目', en: 'Project' }, max: 50 },
  ],
  items: [
    item('T1', '带头人水平与成果', "Leader's standing and results", 30, 'team'),
    item('T2', '团队结构与稳定性', 'Team structure and stability', 20, 'team'),
    item('T3', '项目技术先进性', 'Technical advancement of the project', 30, 'project'),
    item('T4', '产业化前景与经济效益', 'Commercial prospects', 20, 'project'),
  ],
};

/**
 * Rubrics by the eligibility rule set a call froze, so a call keeps the rubric it opened with. Tech-SME and
 * residence points are scored by their rules alone, without experts.
 */
export const rubricsByRuleSet: Record<string, Rubric> = {
  'hte-2016': hteRubric,
  'gz-unicorn-2017': unicornRubric,
  'yangcheng-team-2016': talentRubric,
};

export const rubrics: Partial<Record<ProgrammeCode, Rubric>> = {
  'high-tech-enterprise': hteRubric,
  'unicorn-cultivation': unicornRubric,
  'talent-team': talentRubric,
};

/** [V1] HTE panels: at least 5 experts, at least 60% technical and at least one financial. */
export const panelRules: Partial<Record<ProgrammeCode, PanelRules>> = {
  'high-tech-enterprise': { minSize: 5, minFinancial: 1, minTechnicalShare: 0.6 },
  'unicorn-cultivation': { minSize: 3, minFinancial: 1, minTechnicalShare: 0.5 },
  'talent-team': { minSize: 3, minFinancial: 0, minTechnicalShare: 0.6 },
};

/** The rubric of a call: the one belonging to its frozen eligibility rule set, else the programme's. */
export function rubricFor(programme: ProgrammeCode, eligibilityRuleSetId: string | null): Rubric | null {
  return (eligibilityRuleSetId && rubricsByRuleSet[eligibilityRuleSetId]) || rubrics[programme] || null;
}
