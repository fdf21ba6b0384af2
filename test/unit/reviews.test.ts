import { expect } from 'chai';
import { planAssignments, seatsReserved, smallestPanel, type PoolReviewer } from '../../server/modules/reviews/plan-assignments.ts';
import { checkSheet, panelResult, sheetTotal } from '../../server/modules/reviews/review-scores.ts';
import { conflictBetween, lookbackStart } from '../../server/modules/reviews/conflicts.ts';
import { panelRules, rubrics } from '../../server/modules/programmes/programme-requirements.ts';

const hte = panelRules['high-tech-enterprise']!;
const hteRubric = rubrics['high-tech-enterprise']!;
const unicornRubric = rubrics['unicorn-cultivation']!;

const reviewer = (id: string, kind: 'technical' | 'financial', fields: string[] = [], load = 0): PoolReviewer => ({ id, kind, fields, load });
const pool = [
  reviewer('t1', 'technical', ['electronic_information']),
  reviewer('t2', 'technical', ['biomedicine']),
  reviewer('t3', 'technical', ['new_materials']),
  reviewer('t4', 'technical', ['electronic_information']),
  reviewer('t5', 'technical', []),
  reviewer('f1', 'financial', ['finance']),
  reviewer('f2', 'financial', ['finance']),
];
const panel = (applicationId: string, field: string | null = null) => ({ applicationId, field, panel: [], excluded: [] as string[] });

describe('panel rules', () => {
  it('when a high-tech panel has 5 seats, then 1 is reserved for a financial expert and 3 for technical ones', () => {
    expect(seatsReserved(5, hte)).to.deep.equal({ financial: 1, technical: 3 });
    expect(smallestPanel(hte)).to.equal(5);
    expect(smallestPanel({ minSize: 1, minFinancial: 1, minTechnicalShare: 0.6 })).to.equal(3);
  });
});

describe('planning assignments', () => {
  it('when the same input is planned twice, then the plans are identical', () => {
    const input = { panels: [panel('a1', 'electronic_information'), panel('a2', 'biomedicine'), panel('a3')], reviewers: pool, size: 5, rules: hte };
    expect(planAssignments(input)).to.deep.equal(planAssignments(structuredClone(input)));
  });

  it('when panels are planned, then each holds distinct reviewers, a financial expert, 60% technical and the field’s experts', () => {
    const plan = planAssignments({ panels: [panel('a1', 'electronic_information'), panel('a2', 'biomedicine')], reviewers: pool, size: 5, rules: hte });
    expect(plan.unfilled).to.deep.equal([]);
    for (const id of ['a1', 'a2']) {
      const seated = plan.assignments.filter((a) => a.applicationId === id).map((a) => a.reviewerId);
      expect(new Set(seated).size).to.equal(5);
      expect(seated.filter((r) => r.startsWith('f')).length).to.be.at.least(1);
      expect(seated.filter((r) => r.startsWith('t')).length).to.be.at.least(3);
    }
    expect(plan.assignments.filter((a) => a.applicationId === 'a1').map((a) => a.reviewerId)).to.include.members(['t1', 't4']);
    expect(plan.assignments.filter((a) => a.applicationId === 'a2').map((a) => a.reviewerId)).to.include('t2');
  });

  it('when there is no financial expert, then the financial seat stays open and is reported, never given to a technical expert', () => {
    const plan = planAssignments({ panels: [panel('a1')], reviewers: pool.filter((r) => r.kind === 'technical'), size: 5, rules: hte });
    expect(plan.assignments).to.have.length(4);
    expect(plan.unfilled).to.deep.equal([{ applicationId: 'a1', missing: 1, reason: 'no_financial_reviewer' }]);
  });

  it('when reviewers are excluded or already seated, then they are not seated again and only the gap is filled', () => {
    const plan = planAssignments({
      panels: [{ applicationId: 'a1', field: null, panel: [{ reviewerId: 'f1', kind: 'financial' }, { reviewerId: 't1', kind: 'technical' }], excluded: ['t2', 'f2'] }],
      reviewers: pool,
      size: 5,
      rules: hte,
    });
    const seated = plan.assignments.map((a) => a.reviewerId);
    expect(seated).to.have.length(3);
    expect(seated).to.not.include.members(['f1', 't1', 't2', 'f2']);
  });

  it('when loads differ, then the least loaded reviewers are chosen and loads end within one of each other', () => {
    const reviewers = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id, i) => reviewer(id, 'technical', [], i === 0 ? 3 : 0));
    const plan = planAssignments({ panels: Array.from({ length: 5 }, (_, i) => panel(`a${i}`)), reviewers, size: 3, rules: { minSize: 3, minFinancial: 0, minTechnicalShare: 0 } });
    const load = new Map(reviewers.map((r) => [r.id, r.load]));
    for (const a of plan.assignments) load.set(a.reviewerId, load.get(a.reviewerId)! + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).to.be.at.most(1);
  });
});

describe('score sheets', () => {
  it('when section A adds up to 32 with the bonus, then it counts 30', () => {
    expect(sheetTotal(hteRubric, { A1: 8, A2: 8, A3: 8, A4: 6, A5: 2, B: 30, C1: 6, C2: 6, C3: 4, C4: 4, D1: 10, D2: 10 })).to.equal(100);
  });

  it('when a sheet is final, then every item needs a score and a comment; drafts may be partial', () => {
    expect(checkSheet(unicornRubric, { scores: { U1: 10 }, comments: {} }, 'draft')).to.deep.equal([]);
    const final = checkSheet(unicornRubric, { scores: { U1: 10 }, comments: { U1: ' ' } }, 'final').map((e) => e.field);
    expect(final).to.have.members(['comments.U1', 'scores.U2', 'comments.U2', 'scores.U3', 'comments.U3', 'scores.U4', 'comments.U4']);
    expect(checkSheet(unicornRubric, { scores: { U1: 25.01 }, comments: {} }, 'draft')[0].message.en).to.equal('The score must be between 0 and 25');
  });

  it('when the panel’s totals are 70, 80.5 and 86, then the mean is 78.83 (half up), the spread 16 and it is flagged over 15', () => {
    const sheet = (u1: number, u4: number) => ({ scores: { U1: u1, U2: 25, U3: 25, U4: u4 }, comments: {} });
    const result = panelResult(unicornRubric, [sheet(20, 0), sheet(25, 5.5), sheet(25, 11)], 15);
    expect(result.totals).to.deep.equal([70, 80.5, 86]);
    expect(result.mean.total).to.equal(78.83);
    expect(result.mean.items).to.deep.equal({ U1: 23.33, U2: 25, U3: 25, U4: 5.5 });
    expect(result.spread).to.equal(16);
    expect(result.flagged).to.equal(true);
    expect(panelResult(unicornRubric, [sheet(20, 0), sheet(25, 0)], 15).flagged).to.equal(false);
  });
});

describe('conflicts of interest', () => {
  const company = { uscc: '91440101MA59TE5TXB', userEmails: ['boss@firm.cn', 'someone@qq.com'] };
  const today = '2026-11-28';
  it('when an affiliation ended within three years, or is ongoing, then it conflicts; before that, it does not', () => {
    expect(lookbackStart(today)).to.equal('2023-11-28');
    const tie = (to: string | null) => ({ email: 'r@expert.cn', affiliations: [{ uscc: company.uscc, name: 'x', relation: 'employer' as const, from: null, to }] });
    expect(conflictBetween(tie(null), company, today)).to.equal('affiliation');
    expect(conflictBetween(tie('2023-11-28'), company, today)).to.equal('affiliation');
    expect(conflictBetween(tie('2023-11-27'), company, today)).to.equal(null);
  });
  it('when the reviewer writes from a firm user’s domain, then it conflicts, unless the domain is a public or the platform’s own', () => {
    expect(conflictBetween({ email: 'r@FIRM.cn', affiliations: [] }, company, today)).to.equal('mail_domain');
    expect(conflictBetween({ email: 'r@qq.com', affiliations: [] }, company, today)).to.equal(null);
    expect(conflictBetween({ email: 'r@firm.cn', affiliations: [] }, company, today, ['firm.cn'])).to.equal(null);
  });
});
