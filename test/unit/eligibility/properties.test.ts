// Invariants of the eligibility engine, checked with generated facts.
import { expect } from 'chai';
import fc from 'fast-check';
import { evaluate } from '../../../server/modules/eligibility/evaluate.ts';
import { parseExact, sum, compare } from '../../../server/modules/eligibility/exact.ts';
import { factSchemas } from '../../../server/modules/eligibility/fact-schemas/index.ts';
import { defaultRuleSets } from '../../../server/modules/eligibility/rule-sets/index.ts';
import { PROGRAMME_CODES, type ProgrammeCode } from '../../../server/modules/eligibility/rule-set.types.ts';
import { validateFacts } from '../../../server/modules/eligibility/validate-facts.ts';

const VALID_IDS = ['11010519491231002X', '440106198503120015', '440104199001010029', '44030519921130003X'];

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Facts shaped like the schema (every property optional), with edge values mixed in. */
function arbitraryFor(schema: Record<string, unknown>): fc.Arbitrary<unknown> {
  const type = schema.type;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (type === 'boolean') return fc.boolean();
  if (type === 'string') {
    if (schema.format === 'date') return isoDate;
    if (schema.format === 'resident-id') return fc.constantFrom(...VALID_IDS);
    return fc.string({ minLength: 1, maxLength: 20 });
  }
  if (type === 'integer') {
    const min = Number(schema.minimum ?? -Number.MAX_SAFE_INTEGER);
    const max = Number(schema.maximum ?? Number.MAX_SAFE_INTEGER);
    return fc.oneof(
      fc.integer({ min: Math.max(min, 0), max: Math.min(max, 1000) }),
      fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 300_000_000) }),
      fc.constantFrom(...[min, max, 0, 1].filter((v) => v >= min && v <= max)),
    );
  }
  if (type === 'number') {
    const min = Number(schema.minimum ?? -1e15);
    const max = Number(schema.maximum ?? 1e15);
    return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max, 0));
  }
  if (type === 'array') {
    return fc.array(arbitraryFor(schema.items as Record<string, unknown>), {
      minLength: Number(schema.minItems ?? 0),
      maxLength: Math.min(Number(schema.maxItems ?? 5), 5),
    });
  }
  if (type === 'object') {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(properties)) model[key] = arbitraryFor(property);
    return fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
  }
  return fc.anything();
}

/** Makes generated HTE facts consistent across fields (same years, parts within wholes) so most pass validation. */
function consistentHte(value: unknown): unknown {
  const facts = { ...(value as Record<string, unknown>) };
  const yearly = ['rdExpense', 'rdExpenseDomestic', 'salesRevenue', 'netAssets'].filter((k) => Array.isArray(facts[k]));
  const years = Math.min(...yearly.map((k) => (facts[k] as number[]).length));
  for (const k of yearly) facts[k] = (facts[k] as number[]).slice(0, years);
  if (Array.isArray(facts.rdExpense) && Array.isArray(facts.rdExpenseDomestic)) {
    const rd = facts.rdExpense as number[];
    facts.rdExpenseDomestic = (facts.rdExpenseDomestic as number[]).map((v, i) => Math.min(v, rd[i]));
  }
  if (typeof facts.staffTech === 'number' && typeof facts.staffTotal === 'number') facts.staffTech = Math.min(facts.staffTech, facts.staffTotal);
  if (typeof facts.hiTechRevenue === 'number' && typeof facts.totalRevenue === 'number') facts.hiTechRevenue = Math.min(facts.hiTechRevenue, facts.totalRevenue);
  return facts;
}

function factsArbitrary(programme: ProgrammeCode): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(factSchemas[programme]);
  return programme === 'high-tech-enterprise' ? shaped.map(consistentHte) : shaped;
}

const ASOF = fc.constantFrom('2016-06-01', '2018-03-01', '2019-12-31', '2020-02-29', '2021-07-27', '2022-06-30', '2024-09-02', '2026-01-01');

describe('eligibility properties', () => {
  it('when R&D expense rises and nothing else changes, then HTE-E05 never turns from pass to fail', () => {
    const years = fc.integer({ min: 1, max: 3 });
    fc.assert(
      fc.property(
        years.chain((n) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: 0, max: 500_000_000 }), { minLength: n, maxLength: n }),
            fc.nat({ max: n - 1 }),
            fc.integer({ min: 0, max: 20_000_000 }),
          ),
        ),
        ([rd, sales, index, extra]) => {
          const outcomeOf = (rdExpense: number[]) =>
            evaluate('high-tech-enterprise', { rdExpense, salesRevenue: sales }, defaultRuleSets, '2022-06-30').criteria.find((c) => c.id === 'HTE-E05')?.outcome;
          const raised = rd.map((v, i) => (i === index ? v + extra : v));
          if (outcomeOf(rd) === 'pass') expect(outcomeOf(raised)).to.equal('pass');
        },
      ),
    );
  });

  for (const programme of PROGRAMME_CODES) {
    it(`when ${programme} gets arbitrary JSON, then validateFacts answers without throwing and evaluate never throws on what it accepts`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), ASOF, (facts, asOf) => {
          const validation = validateFacts(programme, facts);
          if (validation.ok) evaluate(programme, validation.facts, defaultRuleSets, asOf);
          else for (const error of validation.errors) expect(error.field).to.match(/^facts/);
        }),
        { numRuns: 200 },
      );
    });

    it(`when ${programme} gets facts shaped like its schema, then evaluate is total, pure and consistent`, () => {
      fc.assert(
        fc.property(factsArbitrary(programme), ASOF, (facts, asOf) => {
          const validation = validateFacts(programme, facts);
          if (!validation.ok) return;
          const before = JSON.stringify(facts);
          const result = evaluate(programme, validation.facts, defaultRuleSets, asOf);
          expect(JSON.stringify(facts)).to.equal(before);
          expect(evaluate(programme, validation.facts, defaultRuleSets, asOf)).to.deep.equal(result);
          const outcomes = result.criteria.map((c) => c.outcome);
          const expected = outcomes.includes('fail') ? 'ineligible' : outcomes.includes('missing') ? 'incomplete' : 'eligible';
          expect(result.outcome).to.equal(expected);
          expect(result.pendingReview).to.deep.equal(result.criteria.filter((c) => c.outcome === 'review').map((c) => c.id));
          for (const c of result.criteria) {
            expect(c.citation).to.be.a('string').and.not.equal('');
            expect(c.message.zh).to.be.a('string').and.not.equal('');
            expect(c.message.en).to.be.a('string').and.not.equal('');
          }
          if (result.award) {
            expect(result.award.amount).to.be.at.least(0);
            expect(Number.isInteger(result.award.amount)).to.equal(true);
            expect(result.award.breakdown.reduce((total, line) => total + line.amount, 0)).to.equal(result.award.amount);
          }
          if (programme === 'tech-sme') {
            expect(result.score).to.be.within(0, 100);
          }
          if (programme === 'high-tech-enterprise') {
            if (result.award) expect(result.award.amount).to.be.at.most(1_000_000);
            for (const band of result.rubricProposal ?? []) expect(band.min).to.be.at.most(band.max);
          }
          if (programme === 'residence-points') {
            const total = parseExact(result.scoreExact as string);
            expect(compare(total, parseExact('0'))).to.be.at.least(0);
            expect(compare(sum((result.scoreItems ?? []).map((item) => parseExact(item.exact))), total)).to.equal(0);
            // The shown score is the exact total rounded to two decimals.
            expect(Math.abs((result.score as number) - Number(total.n) / Number(total.d))).to.be.at.most(0.005 + 1e-9);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('when tech-sme facts vary freely within their types, then the score stays within 0 to 100', () => {
    fc.assert(
      fc.property(arbitraryFor(factSchemas['tech-sme']), (facts) => {
        const result = evaluate('tech-sme', facts, defaultRuleSets, '2023-05-01');
        expect(result.score).to.be.within(0, 100);
      }),
    );
  });

  it('when an invalid asOf is given, then evaluate refuses it as a caller mistake', () => {
    expect(() => evaluate('tech-sme', {}, defaultRuleSets, '2021-02-29')).to.throw(RangeError);
  });

  it('when the validator sees wrong types deep inside, then it names the field', () => {
    const result = validateFacts('high-tech-enterprise', { rdExpense: [1, 'x'], ipItems: [{ type: 'invention', grantedOn: '2021-02-29' }], foo: 1 });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field)).to.include.members(['facts.rdExpense[1]', 'facts.ipItems[0].grantedOn', 'facts.foo']);
    }
    const team = validateFacts('talent-team', { leader: { idNumber: '11010519491231002Y' } });
    expect(team.ok).to.equal(false);
    if (!team.ok) expect(team.errors[0].field).to.equal('facts.leader.idNumber');
  });

  it('when multi-year facts cover different numbers of years, then validation fails on the later one', () => {
    const result = validateFacts('high-tech-enterprise', { rdExpense: [1, 2], salesRevenue: [1, 2, 3] });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].field).to.equal('facts.salesRevenue');
  });
});
