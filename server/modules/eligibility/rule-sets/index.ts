// The rule-set versions Huiqi ships; the seeder inserts them, officers publish later versions.
import type { RuleSet } from '../rule-set.types.ts';
import { highTechEnterpriseRuleSets } from './high-tech-enterprise.ts';
import { residencePointsRuleSets } from './residence-points.ts';
import { talentTeamRuleSets } from './talent-team.ts';
import { techSmeRuleSets } from './tech-sme.ts';
import { unicornRuleSets } from './unicorn-cultivation.ts';

export const defaultRuleSets: RuleSet[] = [
  ...highTechEnterpriseRuleSets,
  ...techSmeRuleSets,
  ...unicornRuleSets,
  ...talentTeamRuleSets,
  ...residencePointsRuleSets,
];
