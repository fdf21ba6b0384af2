// Facts of the high-tech enterprise pre-check and application (high-tech-enterprise.md "Facts").
import { choice, date, factSchema, flag, list, object, quantity, text, yuan, yuanByYear, zhEn, count } from './common.ts';

export const TECH_FIELDS = {
  electronic_information: zhEn('电子信息', 'Electronic information'),
  biomedicine: zhEn('生物与新医药', 'Biology and new medicine'),
  aerospace: zhEn('航空航天', 'Aerospace'),
  new_materials: zhEn('新材料', 'New materials'),
  high_tech_services: zhEn('高技术服务', 'High-tech services'),
  new_energy: zhEn('新能源与节能', 'New energy and energy saving'),
  resources_environment: zhEn('资源与环境', 'Resources and environment'),
  advanced_manufacturing: zhEn('先进制造与自动化', 'Advanced manufacturing and automation'),
};

export const IP_TYPES = {
  invention: zhEn('发明专利（Ⅰ类）', 'Invention patent (Class I)'),
  defense_patent: zhEn('国防专利（Ⅰ类）', 'Defence patent (Class I)'),
  plant_variety: zhEn('植物新品种（Ⅰ类）', 'New plant variety (Class I)'),
  crop_variety: zhEn('国家级农作物品种（Ⅰ类）', 'National crop variety (Class I)'),
  new_drug: zhEn('国家新药（Ⅰ类）', 'National new drug (Class I)'),
  tcm_grade1: zhEn('国家一级中药保护品种（Ⅰ类）', 'Grade-1 protected TCM variety (Class I)'),
  ic_layout: zhEn('集成电路布图设计专有权（Ⅰ类）', 'IC layout design (Class I)'),
  utility_model: zhEn('实用新型专利（Ⅱ类）', 'Utility model patent (Class II)'),
  design: zhEn('外观设计专利（Ⅱ类）', 'Design patent (Class II)'),
  software_copyright: zhEn('软件著作权（Ⅱ类）', 'Software copyright (Class II)'),
};

const yearsHelp = zhEn('按会计年度填写，最早的年度在前，1 至 3 年', 'One entry per fiscal year, oldest first, 1 to 3 years');

export const highTechEnterpriseFactSchema = factSchema('high-tech-enterprise', zhEn('高新技术企业认定', 'High-tech enterprise recognition'), {
  establishedOn: date(zhEn('成立日期', 'Registration date'), zhEn('营业执照上的成立日期', 'The date on the business licence')),
  techField: choice(zhEn('核心技术所属领域', 'Core technology field'), TECH_FIELDS),
  ipItems: list(
    object(
      {
        type: choice(zhEn('类型', 'Type'), IP_TYPES),
        registrationNo: text(zhEn('授权号或登记号', 'Grant or registration number'), 64),
        grantedOn: date(zhEn('授权日期', 'Grant date')),
        inForce: flag(zhEn('在有效期内', 'In force')),
        acquisition: choice(zhEn('获得方式', 'How acquired'), {
          self: zhEn('自主研发', 'Self-developed'),
          assigned: zhEn('受让', 'Assigned'),
          gifted: zhEn('受赠', 'Gifted'),
          merger: zhEn('并购', 'Merger'),
        }),
        usedInEarlierRecognition: flag(zhEn('已用于以往的高企认定', 'Used in an earlier recognition')),
      },
      zhEn('知识产权', 'Intellectual property item'),
      ['type'],
    ),
    zhEn('拥有的知识产权', 'Owned intellectual property'),
    1000,
  ),
  staffTotal: quantity(zhEn('职工总数（年平均）', 'Total staff (annual average)'), 'count', zhEn('按月平均数计算全年平均；兼职人员须累计工作 183 天以上', 'Average of the monthly averages; part-time staff only with at least 183 days')),
  staffTech: quantity(zhEn('科技人员数（年平均）', 'S&T staff (annual average)'), 'count'),
  rdExpense: yuanByYear(zhEn('研发费用', 'R&D expense'), zhEn('按高企口径归集（八类费用，委托外部研发按 80% 计），最早的年度在前', 'HTE basis (8 categories, outsourced R&D at 80%), oldest first')),
  rdExpenseDomestic: yuanByYear(zhEn('其中境内研发费用', 'of which incurred in China'), yearsHelp),
  salesRevenue: yuanByYear(zhEn('销售收入', 'Sales revenue'), zhEn('主营业务收入与其他业务收入之和，最早的年度在前', 'Main business plus other business revenue, oldest first')),
  hiTechRevenue: yuan(zhEn('最近一年高新技术产品（服务）收入', 'Latest year’s high-tech product/service revenue'), zhEn('含技术转让、技术服务、接受委托研发收入', 'Including technology transfer, technical services and contract R&D')),
  totalRevenue: yuan(zhEn('最近一年总收入', 'Latest year’s total revenue'), zhEn('收入总额减去不征税收入', 'Total income less non-taxable income')),
  netAssets: yuanByYear(zhEn('净资产', 'Net assets'), yearsHelp, { negative: true }),
  transfers: count(zhEn('近三年科技成果转化数', 'Results transferred in the last 3 years'), 'count', zhEn('不足三年的按实际经营年限', 'Or over the years operated if fewer')),
  majorIncidentLastYear: flag(zhEn('申请前一年内发生重大安全、质量事故或严重环境违法行为', 'Major safety or quality accident or serious environmental violation in the year before applying')),
  firstRecognition: flag(zhEn('首次认定', 'First recognition')),
  firstEntryFourAbove: flag(zhEn('首次纳入"四上"企业统计', 'First entry into the "four above" statistics')),
  rdDeductionPrevYear: yuan(zhEn('上年度研发费用加计扣除额', 'R&D super-deduction amount, prior year')),
  rdDeductionYearBefore: yuan(zhEn('前年度研发费用加计扣除额', 'R&D super-deduction amount, the year before')),
});
