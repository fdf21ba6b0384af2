import { expect } from 'chai';
import fc from 'fast-check';
import { isValidResidentId, maskResidentId, residentIdCheckCharacter } from '../../server/lib/resident-id.ts';

describe('resident ID number (GB 11643)', () => {
  it('when the check character matches, then the number is valid', () => {
    expect(isValidResidentId('11010519491231002X')).to.equal(true);
    expect(isValidResidentId('440106198503120015')).to.equal(true);
    expect(isValidResidentId('44030519921130003X')).to.equal(true);
  });

  it('when the check character is a lower-case x, then it is accepted', () => {
    expect(isValidResidentId('11010519491231002x')).to.equal(true);
  });

  it('when the check character is wrong, then the number is invalid', () => {
    expect(isValidResidentId('110105194912310021')).to.equal(false);
    expect(isValidResidentId('440106198503120016')).to.equal(false);
  });

  it('when the birth date does not exist, then the number is invalid even with a matching check character', () => {
    for (const first17 of ['44010619850230001', '44010619851301001', '44010619850100001', '44010619010229001']) {
      const id = first17 + residentIdCheckCharacter(first17);
      expect(isValidResidentId(id), id).to.equal(false);
    }
  });

  it('when the birth date is 29 Feb of a leap year, then it is accepted', () => {
    const first17 = '44010620000229001';
    expect(isValidResidentId(first17 + residentIdCheckCharacter(first17))).to.equal(true);
  });

  it('when the length or characters are wrong, then the number is invalid', () => {
    for (const bad of ['', '11010519491231002', '11010519491231002XX', '1101051949123100AX', 'X10105194912310021', ' 11010519491231002X']) {
      expect(isValidResidentId(bad), bad).to.equal(false);
    }
    expect(isValidResidentId(null)).to.equal(false);
    expect(isValidResidentId(110105194912310020)).to.equal(false);
  });

  it('when any 17 digits with a real birth date get their computed check character, then the number is valid', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), date, fc.stringMatching(/^\d{3}$/), (area, birth, sequence) => {
        const first17 = area + birth.toISOString().slice(0, 10).replace(/-/g, '') + sequence;
        const check = residentIdCheckCharacter(first17);
        expect(isValidResidentId(first17 + check)).to.equal(true);
        const other = '0123456789X'.replace(check as string, '')[0];
        expect(isValidResidentId(first17 + other)).to.equal(false);
      }),
    );
  });

  it('when masked, then only the last 4 characters show', () => {
    expect(maskResidentId('11010519491231002X')).to.equal('**************002X');
    expect(maskResidentId('11010519491231002X')).to.have.length(18);
  });
});
