// 羊城创新创业领军人才 innovation-team support (shared/policy/talent-team.md). The policy names the
// eligibility rule set and the award scheme alike: `yangcheng-team-2016`, told apart by `kind`.
import type { RuleSet } from '../rule-set.types.ts';

const DOC = '穗组字〔2016〕16号';
const GUIDE = '羊城创新创业领军人才支持计划2017年申报指南';

export const yangchengTeam2016: RuleSet = {
  id: 'yangcheng-team-2016',
  programme: 'talent-team',
  kind: 'eligibility',
  version: 1,
  effectiveFrom: '2016-02-26',
  effectiveTo: null,
  parameters: [
    {
      id: 'TT-E01.minCoreMembers',
      criterion: 'TT-E01',
      label: { zh: '核心成员最少人数（不含带头人）', en: 'Minimum core members besides the leader' },
      value: 2,
      unit: 'count',
      source: `${DOC} 创新领军团队申报条件; ${GUIDE}`,
      evidence: 'V',
    },
    {
      id: 'TT-E02.minCommitYears',
      criterion: 'TT-E02',
      label: { zh: '团队入选后稳定合作最少年限', en: 'Minimum years the team commits to stay together' },
      value: 3,
      unit: 'years',
      source: `${DOC} 创新领军团队申报条件; ${GUIDE}`,
      evidence: 'V',
    },
    {
      id: 'TT-E03.priorityFields',
      criterion: 'TT-E03',
      label: { zh: '重点支持领域', en: 'Priority fields' },
      value: [
        'next_gen_it',
        'artificial_intelligence',
        'bio_health',
        'trade_exhibition',
        'finance_insurance',
        'modern_logistics',
        'shipping_aviation',
        'new_materials',
        'new_energy_environment',
        'automotive',
        'fine_chemicals',
        'major_equipment_robotics',
        'cultural_creative',
      ],
      unit: 'enum',
      source: `${DOC} 支持领域; ${GUIDE}`,
      evidence: 'V',
    },
    {
      id: 'TT-E05.maxYearsSinceJoining',
      criterion: 'TT-E05',
      label: { zh: '带头人到申报单位工作年限上限（含）', en: 'Leader joined the applicant at most this many years before' },
      value: 3,
      unit: 'years',
      source: `${DOC} 创新领军团队申报条件; ${GUIDE}`,
      evidence: 'V',
    },
    {
      id: 'TT-E05.joinWithinMonths',
      criterion: 'TT-E05',
      label: { zh: '承诺到岗期限', en: 'Committed to join within' },
      value: 6,
      unit: 'months',
      source: `${DOC} 创新领军团队申报条件; ${GUIDE}`,
      evidence: 'V',
    },
    {
      id: 'TT-E06.minProjectBudget',
      criterion: 'TT-E06',
      label: { zh: '研发项目承诺投入下限（含）', en: 'Minimum committed R&D project budget (inclusive)' },
      value: 10000000,
      unit: 'yuan',
      source: `${DOC} 创新领军团队申报条件; ${GUIDE}`,
      evidence: 'V',
    },
  ],
};

export const yangchengTeamAward2016: RuleSet = {
  id: 'yangcheng-team-2016',
  programme: 'talent-team',
  kind: 'award',
  version: 1,
  effectiveFrom: '2016-02-26',
  effectiveTo: null,
  parameters: [
    {
      id: 'YC-TEAM.talentFunding',
      criterion: 'TT-AWARD',
      label: { zh: '人才经费资助', en: 'Talent funding' },
      value: 3000000,
      unit: 'yuan',
      source: `${DOC} 资助方式; ${GUIDE}`,
      evidence: 'V1',
    },
    {
      id: 'YC-TEAM.projectFundingRate',
      criterion: 'TT-AWARD',
      label: { zh: '项目经费资助比例（按研发项目投入）', en: 'Project funding as a share of the project budget' },
      value: 0.5,
      unit: 'ratio',
      source: `${DOC} 资助方式; ${GUIDE}`,
      evidence: 'V1',
    },
    {
      id: 'YC-TEAM.projectFundingCap',
      criterion: 'TT-AWARD',
      label: { zh: '项目经费资助上限', en: 'Project funding cap' },
      value: 30000000,
      unit: 'yuan',
      source: `${DOC} 资助方式; ${GUIDE}`,
      evidence: 'V1',
    },
    {
      id: 'YC-TEAM.startUpAmounts',
      criterion: 'TT-AWARD',
      label: { zh: '创业团队资助额度（待确认，暂不计算）', en: 'Start-up team amounts (to be confirmed, not computed)' },
      value: null,
      unit: 'yuan',
      source: `${GUIDE}`,
      evidence: 'TBC',
    },
  ],
};

export const talentTeamRuleSets: RuleSet[] = [yangchengTeam2016, yangchengTeamAward2016];
