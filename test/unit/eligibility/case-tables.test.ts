// Runs the hand-computed case tables in ./cases: each case is validated, evaluated and compared.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { evaluate } from '../../../server/modules/eligibility/evaluate.ts';
import { defaultRuleSets } from '../../../server/modules/eligibility/rule-sets/index.ts';
import type { ProgrammeCode } from '../../../server/modules/eligibility/rule-set.types.ts';
import { validateFacts } from '../../../server/modules/eligibility/validate-facts.ts';

type Case = {
  name: string;
  asOf: string;
  facts: Record<string, unknown>;
  expect: {
    outcome?: string;
    criteria?: Record<string, string>;
    score?: number;
    category?: string | null;
    award?: number | null;
    ruleSet?: string;
    directQualification?: boolean;
    rubric?: Record<string, [number, number]>;
    noteContains?: string;
  };
};

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.json')).sort()) {
  const programme = file.replace(/\.json$/, '') as ProgrammeCode;
  const cases = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as Case[];

  describe(`eligibility case table: ${programme}`, () => {
    it('when the table is read, then it has at least 25 cases with unique names', () => {
      expect(cases.length).to.be.at.least(25);
      expect(new Set(cases.map((c) => c.name)).size).to.equal(cases.length);
    });

    for (const c of cases) {
      it(c.name, () => {
        const validation = validateFacts(programme, c.facts);
        expect(validation, JSON.stringify(validation)).to.include({ ok: true });
        const result = evaluate(programme, c.facts, defaultRuleSets, c.asOf);
        const summary = JSON.stringify(result.criteria.map((r) => [r.id, r.outcome, r.message.en]));
        const want = c.expect;
        if (want.outcome !== undefined) expect(result.outcome, summary).to.equal(want.outcome);
        for (const [id, outcome] of Object.entries(want.criteria ?? {})) {
          const found = result.criteria.find((r) => r.id === id);
          expect(found?.outcome, `${id}: ${found?.message.en}`).to.equal(outcome);
        }
        if (want.score !== undefined) expect(result.score).to.equal(want.score);
        if (want.category !== undefined) expect(result.category ?? null).to.equal(want.category);
        if (want.award !== undefined) expect(result.award?.amount ?? null, JSON.stringify(result.award)).to.equal(want.award);
        if (want.ruleSet !== undefined) expect(result.ruleSet.id).to.equal(want.ruleSet);
        if (want.directQualification !== undefined) expect(result.directQualification).to.equal(want.directQualification);
        for (const [id, [min, max]] of Object.entries(want.rubric ?? {})) {
          const proposal = result.rubricProposal?.find((p) => p.id === id);
          expect(proposal ? [proposal.min, proposal.max] : undefined, `${id}: ${proposal?.basis.en}`).to.deep.equal([min, max]);
        }
        if (want.noteContains !== undefined) {
          expect((result.notes ?? []).map((n) => n.en).join(' | ')).to.include(want.noteContains);
        }
      });
    }
  });
}
