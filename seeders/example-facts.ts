// Facts of a firm that meets every high-tech enterprise condition (shared/policy/high-tech-enterprise.md), with the
// 2021 Guangzhou award facts: the tests' and the benchmark's standard eligible applicant.
export const exampleHteFacts = {
  establishedOn: '2018-03-01',
  techField: 'electronic_information',
  ipItems: [{ type: 'invention', registrationNo: 'ZL201810000001.X', grantedOn: '2019-05-01', inForce: true, acquisition: 'self', usedInEarlierRecognition: false }],
  staffTotal: 100,
  staffTech: 30,
  rdExpense: [3_000_000, 3_000_000, 3_000_000],
  rdExpenseDomestic: [3_000_000, 3_000_000, 3_000_000],
  salesRevenue: [40_000_000, 40_000_000, 40_000_000],
  hiTechRevenue: 30_000_000,
  totalRevenue: 40_000_000,
  netAssets: [10_000_000, 12_000_000, 15_000_000],
  transfers: 15,
  majorIncidentLastYear: false,
  firstRecognition: true,
  firstEntryFourAbove: false,
  rdDeductionPrevYear: 3_000_000,
  rdDeductionYearBefore: 2_500_000,
};
