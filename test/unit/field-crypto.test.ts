import { expect } from 'chai';
import fc from 'fast-check';
import { createFieldCrypto } from '../../server/lib/field-crypto.ts';

describe('field encryption of ID numbers', () => {
  const keyA = createFieldCrypto('a-secret-key-that-is-long-enough-0123456789');
  const keyB = createFieldCrypto('another-secret-key-long-enough-9876543210xx');

  it('for any text, encryption round-trips and never gives the same ciphertext twice', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (plain) => {
        const first = keyA.encrypt(plain);
        const second = keyA.encrypt(plain);
        expect(keyA.decrypt(first)).to.equal(plain);
        expect(first.equals(second)).to.equal(false);
      }),
    );
  });

  it('an ID number never appears in its stored form', () => {
    const id = '44010619900307123X';
    const stored = keyA.encrypt(id);
    expect(stored.includes(Buffer.from(id))).to.equal(false);
    expect(stored.toString('latin1')).to.not.include(id.slice(0, 10));
  });

  it('when the stored bytes are changed or read with another key, then decryption refuses', () => {
    const stored = keyA.encrypt('44010619900307123X');
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => keyA.decrypt(tampered)).to.throw();
    expect(() => keyB.decrypt(stored)).to.throw();
  });

  it('the lookup hash is stable under one key, differs between keys, and is not a plain SHA-256', () => {
    expect(keyA.lookupHash('44010619900307123X')).to.equal(keyA.lookupHash('44010619900307123X'));
    expect(keyA.lookupHash('44010619900307123X')).to.not.equal(keyB.lookupHash('44010619900307123X'));
    expect(keyA.lookupHash('44010619900307123X')).to.match(/^[0-9a-f]{64}$/);
  });
});
