// Facts of one person's residence-point recognition (residence-points.md "Facts").
import { choice, count, date, factSchema, flag, list, object, quantity, text, zhEn } from './common.ts';

const years = (zh: string, en: string) => count(zhEn(zh, en), 'years', undefined, 100);

export const residencePointsFactSchema = factSchema('residence-points', zhEn('积分制入户', 'Points-based household registration'), {
  birthDate: date(zhEn('出生日期', 'Date of birth')),
  permitCity: text(zhEn('居住证签发城市', 'City that issued the residence permit'), 64, zhEn('广州签发的填 guangzhou', 'guangzhou when issued in Guangzhou')),
  permitValidTo: date(zhEn('居住证有效期至', 'Residence permit valid to')),
  permitYears: years('持有本市居住证满年数', 'Full years holding the Guangzhou residence permit'),
  ownsHome: flag(zhEn('在本市拥有自有产权住房', 'Owns a home in Guangzhou')),
  rentalYears: years('登记租赁住房或单位宿舍满年数', 'Full years of registered rental or employer dormitory'),
  movedOutYears: years('迁出越秀、海珠、荔湾、天河居住满年数', 'Full years living outside Yuexiu/Haizhu/Liwan/Tianhe after moving out'),
  socialInsuranceMonths: count(zhEn('本市社会保险缴费月数', 'Months of Guangzhou social insurance'), 'months', zhEn('不含转入和补缴月数', 'Transferred-in or back-paid months excluded'), 1200),
  insuranceYears: object(
    {
      pension: years('养老保险满年数', 'Pension insurance, full years'),
      medical: years('医疗保险满年数', 'Medical insurance, full years'),
      unemployment: years('失业保险满年数', 'Unemployment insurance, full years'),
      workInjury: years('工伤保险满年数', 'Work-injury insurance, full years'),
      maternity: years('生育保险满年数', 'Maternity insurance, full years'),
    },
    zhEn('各险种缴费满年数', 'Full years paid per insurance'),
  ),
  education: choice(zhEn('文化程度', 'Education'), {
    bachelor: zhEn('本科及以上', 'Bachelor or above'),
    junior_college: zhEn('大专', 'Junior college'),
    senior_high: zhEn('高中、中职', 'Senior high or secondary vocational'),
    none: zhEn('以上均无', 'None of these'),
  }),
  skill: choice(zhEn('职称或技能', 'Title or skill'), {
    mid_title: zhEn('中级职称或技师及以上', 'Intermediate title, or technician and above'),
    junior_title: zhEn('初级职称、高级工或工勤三级', 'Junior title, senior worker or 工勤三级'),
    mid_worker: zhEn('中级工或工勤四级', 'Intermediate worker or 工勤四级'),
    none: zhEn('以上均无', 'None of these'),
  }),
  skillMatchesJob: flag(zhEn('现从事与职称或技能对应的职业', 'Currently works in the occupation of that title or skill')),
  patents: list(
    object(
      {
        type: choice(zhEn('专利类型', 'Patent type'), {
          invention: zhEn('发明专利', 'Invention'),
          utility_model: zhEn('实用新型专利', 'Utility model'),
          design: zhEn('外观设计专利', 'Design'),
        }),
        inventors: { ...count(zhEn('发明人数', 'Number of inventors'), 'count', undefined, 1000), minimum: 1 },
        firstInventor: flag(zhEn('本人为第一发明人', 'This person is the first inventor')),
        grantedOn: date(zhEn('授权日期', 'Grant date')),
      },
      zhEn('专利', 'Patent'),
      ['type', 'inventors'],
    ),
    zhEn('近 5 年授权、地址在广州的专利', 'Patents granted in the last 5 years with a Guangzhou address'),
    200,
  ),
  hteYears: years('在本市高新技术企业或新型研发机构从事专业技术工作满年数', 'Full years of professional work at a Guangzhou HTE or new-type R&D institution'),
  bloodDonations: count(zhEn('近 5 年献血次数', 'Blood donations in the last 5 years'), 'count', undefined, 1000),
  volunteerHours: quantity(zhEn('登记志愿服务时数', 'Registered volunteer hours'), 'hours', undefined, 1_000_000),
  criminalRecord5y: flag(zhEn('近 5 年受过刑事处罚', 'Criminal penalty in the last 5 years')),
});
