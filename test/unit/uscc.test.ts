import { expect } from 'chai';
import fc from 'fast-check';
import { isValidUscc, normaliseUscc, organisationCodeCheckCharacter, usccCheckCharacter } from '../../server/lib/uscc.ts';

describe('unified social credit code (GB 32100, with GB 11714 inside)', () => {
  const cases: [string, boolean, string][] = [
    ['914403001922038216', true, 'a published code (digits only)'],
    ['91110000100006485K', true, 'a published code ending in a letter'],
    ['91440300708461136T', true, 'a published code'],
    ['91330100716105852F', true, 'a published code'],
    [' 91110000100006485k ', true, 'lower case and spaces are forgiven'],
    ['91110000100006485J', false, 'wrong GB 32100 check character'],
    ['9111000010000648', false, 'too short'],
    ['91110000100006485KK', false, 'too long'],
    ['91110000I00006485K', false, 'I is outside the charset'],
    ['9111000O100006485K', false, 'O in the division code'],
    ['', false, 'empty'],
  ];
  for (const [code, valid, why] of cases) {
    it(`when the code is ${JSON.stringify(code)} (${why}), then it is ${valid ? 'valid' : 'invalid'}`, () => {
      expect(isValidUscc(code)).to.equal(valid);
    });
  }

  it('when the organisation-code check is wrong but the last character is recomputed, then the code is invalid', () => {
    const first17 = '911100001000064' + '8' + '4'; // 100006485 → 100006484
    expect(isValidUscc(first17 + usccCheckCharacter(first17))).to.equal(false);
  });

  it('when GB 11714 gives 10 or 11, then the check is X or 0', () => {
    // weights 3 7 9 10 5 8 4 2: '00000006' sums to 12 (mod 11 = 1 → 10 → X); '00000000' sums to 0 (→ 11 → 0)
    expect(organisationCodeCheckCharacter('00000006')).to.equal('X');
    expect(organisationCodeCheckCharacter('00000000')).to.equal('0');
    expect(organisationCodeCheckCharacter('10000000')).to.equal('8'); // 3 → 11 - 3
  });

  it('when any valid code has one character changed, then it is no longer valid (property)', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc.array(fc.constantFrom(...charset), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...charset), (b, position, replacement) => {
        const first17 = `91440101${b}${organisationCodeCheckCharacter(b)}`;
        const code = first17 + usccCheckCharacter(first17);
        expect(isValidUscc(code)).to.equal(true);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return changed === code || !isValidUscc(changed);
      }),
      { numRuns: 2000 },
    );
  });

  it('when normalised, then the code is trimmed and upper-cased', () => {
    expect(normaliseUscc(' 91110000100006485k\n')).to.equal('91110000100006485K');
  });
});
