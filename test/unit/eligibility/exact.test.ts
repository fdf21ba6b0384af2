import { expect } from 'chai';
import fc from 'fast-check';
import { add, compare, fromNumber, rational, ratioAtLeast, toExactString, toFixed } from '../../../server/modules/eligibility/exact.ts';
import { addYears, fullYearsBetween, parseDate } from '../../../server/modules/eligibility/dates.ts';

describe('exact arithmetic', () => {
  it('when a ratio is exactly 5%, then it reaches 0.05, and decimals compare without float error', () => {
    expect(ratioAtLeast(fromNumber(5999999.9999999), fromNumber(120000000), 0.05)).to.equal(false);
    expect(ratioAtLeast(fromNumber(6000000), fromNumber(120000000), 0.05)).to.equal(true);
    // 0.07 * 100 is 7.000000000000001 in floating point; exactly it is 7.
    expect(compare(fromNumber(0.07), rational(7, 100))).to.equal(0);
    expect(compare(add(fromNumber(0.1), fromNumber(0.2)), fromNumber(0.3))).to.equal(0);
  });

  it('when numbers print with an exponent, then they are read exactly', () => {
    expect(toExactString(fromNumber(1e21))).to.equal('1000000000000000000000');
    expect(toExactString(fromNumber(1.5e-7))).to.equal('3/20000000');
    expect(toExactString(fromNumber(-0))).to.equal('0');
  });

  it('when rounding thirds to two decimals, then halves round away from zero', () => {
    expect(toFixed(rational(40, 3), 2)).to.equal('13.33');
    expect(toFixed(rational(20, 3), 2)).to.equal('6.67');
    expect(toFixed(rational(1, 200), 2)).to.equal('0.01');
    expect(toFixed(rational(-1, 200), 2)).to.equal('-0.01');
  });

  it('when any two finite numbers are compared exactly, then the order agrees with the numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        expect(compare(fromNumber(a), fromNumber(b))).to.equal(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe('calendar dates', () => {
  it('when a year is added to 29 Feb, then it becomes 28 Feb', () => {
    expect(addYears(parseDate('2020-02-29')!, 1)).to.deep.equal({ y: 2021, m: 2, d: 28 });
    expect(addYears(parseDate('2020-02-29')!, 4)).to.deep.equal({ y: 2024, m: 2, d: 29 });
  });

  it('when the date is not in the calendar, then it is refused', () => {
    for (const bad of ['2021-02-29', '2021-13-01', '2021-1-01', '20210101', '', null, 20210101]) expect(parseDate(bad)).to.equal(undefined);
  });

  it('when counting full years up to the day before an anniversary, then the anniversary year is not counted', () => {
    expect(fullYearsBetween(parseDate('1990-06-30')!, parseDate('2020-06-29')!)).to.equal(29);
    expect(fullYearsBetween(parseDate('1990-06-30')!, parseDate('2020-06-30')!)).to.equal(30);
  });
});
