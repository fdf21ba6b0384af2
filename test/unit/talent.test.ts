import { expect } from 'chai';
import { confirmedOutcome, confirmedTotal } from '../../server/modules/talent/recognition.ts';
import { toExactString, toNumber2 } from '../../server/modules/eligibility/exact.ts';
import { MASKED_ID_NUMBER, maskIdNumber, protectIdNumbers } from '../../server/modules/talent/sensitive-facts.ts';
import type { PrecheckResult } from '../../server/modules/eligibility/rule-set.types.ts';

const result = (scoreExact: string, items: [string, string][], e04 = 'pass'): PrecheckResult =>
  ({
    programme: 'residence-points',
    ruleSet: { id: 'gz-points-2018', version: 1 },
    asOf: '2020-06-30',
    outcome: 'eligible',
    score: Number(scoreExact.split('/')[0]) / Number(scoreExact.split('/')[1] ?? 1),
    scoreExact,
    pendingReview: [],
    criteria: [
      { id: 'PT-E01', outcome: 'pass', citation: '', message: { zh: '', en: '' } },
      { id: 'PT-E04', outcome: e04, citation: '', message: { zh: '', en: '' }, required: 100 },
    ],
    scoreItems: items.map(([id, exact]) => ({ id, label: { zh: id, en: id }, points: Number(exact.split('/')[0]) / Number(exact.split('/')[1] ?? 1), exact })),
  }) as PrecheckResult;

describe('confirming residence points', () => {
  it('when a patent share is a third, then the confirmed total stays exact and the 100-point line is judged exactly', () => {
    // 299/3 = 99.666…: shown as 99.67 but below 100
    const below = result('299/3', [['PT-P2a', '20/3'], ['PT-B3', '50']]);
    expect(toNumber2(confirmedTotal(below, []))).to.equal(99.67);
    expect(confirmedOutcome(below, confirmedTotal(below, []))).to.equal('ineligible');
    // the officer enters 1 point of honours: 302/3 = 100.67, eligible
    const withHonours = confirmedTotal(below, [{ item: 'PT-P6', points: 1, reason: '市级表彰' }]);
    expect(toExactString(withHonours)).to.equal('302/3');
    expect(confirmedOutcome(below, withHonours)).to.equal('eligible');
  });

  it('when an item is adjusted, then its exact computed value is replaced, not its rounded one', () => {
    const total = confirmedTotal(result('320/3', [['PT-P2a', '20/3']]), [{ item: 'PT-P2a', points: 0, reason: '专利地址不在广州' }]);
    expect(toExactString(total)).to.equal('100');
  });

  it('when another condition fails, then no number of points makes the member eligible', () => {
    const failing = result('150', []);
    failing.criteria[0].outcome = 'fail';
    expect(confirmedOutcome(failing, confirmedTotal(failing, []))).to.equal('ineligible');
  });
});

describe('ID numbers in application facts', () => {
  const id = '440106199005152019';
  // two configured keys: a roster row not yet rotated holds the older hash, and must still be found
  const hash = (value: string) => [`new:${value}`, `h:${value}`];

  it('when the roster holds the person with consent, then the number is stored masked; otherwise the field is refused', async () => {
    const facts = { leader: { name: '陈明', idNumber: id }, coreMembers: [{ name: '林晓', idNumber: '440106198811032025' }] };
    const done = await protectIdNumbers(facts, {}, async (hashes) => hashes.includes(`h:${id}`), hash);
    expect((done.facts.leader as { idNumber: string }).idNumber).to.equal(maskIdNumber(id));
    expect(done.errors.map((e) => e.field)).to.deep.equal(['facts.coreMembers[0].idNumber']);
    expect(MASKED_ID_NUMBER.test(maskIdNumber(id))).to.equal(true);
  });

  it('when a masked value is kept where it was, then it passes; moved or changed, it is refused', async () => {
    const previous = { leader: { idNumber: maskIdNumber(id) } };
    expect((await protectIdNumbers({ leader: { idNumber: maskIdNumber(id) } }, previous, async () => false, hash)).errors).to.deep.equal([]);
    const forged = await protectIdNumbers({ leader: { idNumber: '**************0000' } }, previous, async () => false, hash);
    expect(forged.errors.map((e) => e.field)).to.deep.equal(['facts.leader.idNumber']);
  });
});
