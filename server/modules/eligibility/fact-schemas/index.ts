// One fact schema per programme, for the validator and for the web client's forms.
import type { ProgrammeCode } from '../rule-set.types.ts';
import type { JsonSchema } from './common.ts';
import { highTechEnterpriseFactSchema } from './high-tech-enterprise.ts';
import { residencePointsFactSchema } from './residence-points.ts';
import { talentTeamFactSchema } from './talent-team.ts';
import { techSmeFactSchema } from './tech-sme.ts';
import { unicornFactSchema } from './unicorn-cultivation.ts';

export type { JsonSchema } from './common.ts';

export const factSchemas: Record<ProgrammeCode, JsonSchema> = {
  'high-tech-enterprise': highTechEnterpriseFactSchema,
  'tech-sme': techSmeFactSchema,
  'unicorn-cultivation': unicornFactSchema,
  'talent-team': talentTeamFactSchema,
  'residence-points': residencePointsFactSchema,
};

/** Extension keywords the schemas use; a validator must know them (ajv strict mode refuses unknown ones). */
export const FACT_SCHEMA_KEYWORDS = ['x-label', 'x-unit', 'x-help', 'x-enumLabels', 'x-order', 'x-sensitive'];
