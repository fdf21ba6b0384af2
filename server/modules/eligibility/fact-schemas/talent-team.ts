// Facts of the 羊城 innovation-team application (talent-team.md "Facts"). ID numbers carry the
// `resident-id` format (GB 11643), registered on the validator.
import { choice, count, date, factSchema, flag, list, object, text, yuan, zhEn } from './common.ts';

export const PRIORITY_FIELDS = {
  next_gen_it: zhEn('新一代信息技术', 'Next-generation IT'),
  artificial_intelligence: zhEn('人工智能', 'Artificial intelligence'),
  bio_health: zhEn('生物医药与健康', 'Biomedicine and health'),
  trade_exhibition: zhEn('商贸会展', 'Trade and exhibitions'),
  finance_insurance: zhEn('金融保险', 'Finance and insurance'),
  modern_logistics: zhEn('现代物流', 'Modern logistics'),
  shipping_aviation: zhEn('航运航空', 'Shipping and aviation'),
  new_materials: zhEn('新材料', 'New materials'),
  new_energy_environment: zhEn('新能源与节能环保', 'New energy and environmental protection'),
  automotive: zhEn('汽车', 'Automotive'),
  fine_chemicals: zhEn('精细化工', 'Fine chemicals'),
  major_equipment_robotics: zhEn('重大装备与机器人', 'Major equipment and robotics'),
  cultural_creative: zhEn('文化创意', 'Cultural and creative industries'),
};

const idNumber = {
  type: 'string',
  format: 'resident-id',
  'x-label': zhEn('居民身份证号码', 'Resident ID number'),
  'x-help': zhEn('18 位，末位为数字或 X；仅在本人单独同意后采集', '18 characters, the last a digit or X; collected only with the person’s separate consent'),
  'x-sensitive': true,
};

export const talentTeamFactSchema = factSchema('talent-team', zhEn('羊城创新领军团队', 'Yangcheng innovation team'), {
  field: choice(zhEn('申报领域', 'Priority field'), PRIORITY_FIELDS),
  leader: object(
    {
      name: text(zhEn('姓名', 'Name'), 100),
      idNumber,
      joinedOn: date(zhEn('到申报单位工作日期', 'Joined the applicant on')),
      joinCommitment: flag(zhEn('承诺 6 个月内到岗', 'Commits to join within 6 months')),
      inventionPatent: flag(zhEn('拥有发明专利', 'Holds an invention patent')),
      ledMajorProject: flag(zhEn('主持过重大项目', 'Led a major project')),
    },
    zhEn('团队带头人', 'Team leader'),
  ),
  coreMembers: list(
    object({ name: text(zhEn('姓名', 'Name'), 100), idNumber, role: text(zhEn('职责', 'Role'), 100) }, zhEn('核心成员', 'Core member')),
    zhEn('核心成员（不含带头人）', 'Core members (besides the leader)'),
    100,
  ),
  commitYears: count(zhEn('入选后承诺合作年限', 'Years the team commits to stay together'), 'years', undefined, 100),
  projectBudget: yuan(zhEn('研发项目承诺投入', 'Committed R&D project budget')),
});
