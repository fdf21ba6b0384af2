// Validates facts against the programme's fact schema, then a few cross-field checks the schema cannot
// express. Any JSON value is accepted as input; the answer is a list of field errors, never an exception.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isValidResidentId } from '../../lib/resident-id.ts';
import { FACT_SCHEMA_KEYWORDS, factSchemas } from './fact-schemas/index.ts';
import { bilingual } from './results.ts';
import type { Bilingual, Facts, ProgrammeCode } from './rule-set.types.ts';

export type FactError = { field: string; message: Bilingual };

export type FactValidation = { ok: true; facts: Facts } | { ok: false; errors: FactError[] };

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default ?? addFormatsModule;

const MAX_ERRORS = 50;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ['date']);
// a stored fact holds the masked form (the number itself is on the team roster, encrypted): see talent/sensitive-facts.ts
ajv.addFormat('resident-id', { type: 'string', validate: (value: string) => isValidResidentId(value) || /^\*{14}[0-9X]{4}$/.test(value) });
ajv.addVocabulary(FACT_SCHEMA_KEYWORDS);

const compiled = new Map<ProgrammeCode, ValidateFunction>();

function validatorFor(programme: ProgrammeCode): ValidateFunction | undefined {
  const schema = factSchemas[programme];
  if (!schema) return undefined;
  let validate = compiled.get(programme);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(programme, validate);
  }
  return validate;
}

/** "/leader/idNumber" → "facts.leader.idNumber"; "/rdExpense/1" → "facts.rdExpense[1]". */
function fieldOf(instancePath: string, child?: string): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return segments.reduce((path, segment) => {
    if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(segment)) return `${path}.${segment}`;
    return `${path}[${JSON.stringify(segment)}]`;
  }, 'facts');
}

const TYPE_NAMES: Record<string, Bilingual> = {
  integer: bilingual('整数', 'a whole number'),
  number: bilingual('数字', 'a number'),
  string: bilingual('文本', 'text'),
  boolean: bilingual('是或否（true/false）', 'true or false'),
  array: bilingual('列表', 'a list'),
  object: bilingual('对象', 'an object'),
};

function messageOf(error: ErrorObject): Bilingual {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const name = TYPE_NAMES[String(params.type)] ?? bilingual(String(params.type), String(params.type));
      return bilingual(`应为${name.zh}`, `Must be ${name.en}`);
    }
    case 'additionalProperties':
      return bilingual('不是本项目的数据项', 'Is not a fact of this programme');
    case 'required':
      return bilingual('必须填写', 'Is required');
    case 'minimum':
      return bilingual(`不得小于 ${params.limit}`, `Must be at least ${params.limit}`);
    case 'maximum':
      return bilingual(`不得大于 ${params.limit}`, `Must be at most ${params.limit}`);
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : '';
      return bilingual(`应为以下之一：${allowed}`, `Must be one of: ${allowed}`);
    }
    case 'format':
      return params.format === 'resident-id'
        ? bilingual('不是有效的居民身份证号码', 'Is not a valid resident ID number')
        : bilingual('应为有效日期（YYYY-MM-DD）', 'Must be a real date as YYYY-MM-DD');
    case 'minItems':
      return bilingual(`至少需要 ${params.limit} 项`, `Needs at least ${params.limit} entries`);
    case 'maxItems':
      return bilingual(`最多 ${params.limit} 项`, `Takes at most ${params.limit} entries`);
    case 'minLength':
      return bilingual('不能为空', 'Must not be empty');
    case 'maxLength':
      return bilingual(`最多 ${params.limit} 个字符`, `Takes at most ${params.limit} characters`);
    default:
      return bilingual('格式不正确', 'Is not valid');
  }
}

function toFactError(error: ErrorObject): FactError {
  const params = error.params as Record<string, unknown>;
  const child =
    error.keyword === 'additionalProperties' ? String(params.additionalProperty) : error.keyword === 'required' ? String(params.missingProperty) : undefined;
  return { field: fieldOf(error.instancePath, child), message: messageOf(error) };
}

// ---- Cross-field checks (run only on schema-valid facts) -------------------------------------------------
function sameYears(facts: Facts, names: string[]): FactError[] {
  const present = names.filter((name) => Array.isArray(facts[name]));
  if (present.length < 2) return [];
  const reference = present[0];
  const years = (facts[reference] as unknown[]).length;
  return present
    .slice(1)
    .filter((name) => (facts[name] as unknown[]).length !== years)
    .map((name) => ({
      field: `facts.${name}`,
      message: bilingual(`年度数应与 ${reference} 相同（${years} 年）`, `Must cover the same years as ${reference} (${years})`),
    }));
}

function notAbove(facts: Facts, part: string, whole: string): FactError[] {
  const a = facts[part];
  const b = facts[whole];
  if (typeof a === 'number' && typeof b === 'number' && a > b) {
    return [{ field: `facts.${part}`, message: bilingual(`不得大于 ${whole}`, `Must not exceed ${whole}`) }];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.flatMap((value, i) =>
      typeof value === 'number' && typeof b[i] === 'number' && value > (b[i] as number)
        ? [{ field: `facts.${part}[${i}]`, message: bilingual(`不得大于同年度的 ${whole}`, `Must not exceed ${whole} of the same year`) }]
        : [],
    );
  }
  return [];
}

function crossCheck(programme: ProgrammeCode, facts: Facts): FactError[] {
  switch (programme) {
    case 'high-tech-enterprise':
      return [
        ...sameYears(facts, ['rdExpense', 'rdExpenseDomestic', 'salesRevenue', 'netAssets']),
        ...notAbove(facts, 'rdExpenseDomestic', 'rdExpense'),
        ...notAbove(facts, 'staffTech', 'staffTotal'),
        ...notAbove(facts, 'hiTechRevenue', 'totalRevenue'),
      ];
    case 'tech-sme':
      return notAbove(facts, 'staffTech', 'staffTotal');
    case 'residence-points': {
      const patents = Array.isArray(facts.patents) ? (facts.patents as Record<string, unknown>[]) : [];
      return patents.flatMap((patent, i) =>
        patent.inventors === 1 && patent.firstInventor === false
          ? [{ field: `facts.patents[${i}].firstInventor`, message: bilingual('唯一发明人即第一发明人', 'A sole inventor is the first inventor') }]
          : [],
      );
    }
    default:
      return [];
  }
}

/**
 * `mode: 'draft'` checks types only: an autosave of half-typed facts (say two years of R&D but one of
 * sales) must still be kept; the cross-field checks run on pre-check and submission.
 */
export function validateFacts(programme: ProgrammeCode, facts: unknown, mode: 'complete' | 'draft' = 'complete'): FactValidation {
  const validate = validatorFor(programme);
  if (!validate) return { ok: false, errors: [{ field: 'programme', message: bilingual('未知的项目', 'Unknown programme') }] };
  if (!validate(facts)) {
    const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map(toFactError);
    return { ok: false, errors: errors.length > 0 ? errors : [{ field: 'facts', message: bilingual('格式不正确', 'Is not valid') }] };
  }
  const checked = facts as Facts;
  if (mode === 'draft') return { ok: true, facts: checked };
  const errors = crossCheck(programme, checked);
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, facts: checked };
}
