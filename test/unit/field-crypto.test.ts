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

  describe('key rotation', () => {
    const A = 'a-secret-key-that-is-long-enough-0123456789';
    const B = 'another-secret-key-long-enough-9876543210xx';
    const rotated = createFieldCrypto(B, [A]);

    it('when the key changes and the old one is kept as previous, then what the old key wrote is still read, and new writes use the new key', () => {
      const old = keyA.encrypt('44010619900307123X');
      expect(rotated.decrypt(old)).to.equal('44010619900307123X');
      expect(rotated.isCurrent(old)).to.equal(false);
      const fresh = rotated.encrypt('44010619900307123X');
      expect(rotated.isCurrent(fresh)).to.equal(true);
      expect(keyB.decrypt(fresh)).to.equal('44010619900307123X');
      // once the previous key is dropped, only what was re-encrypted can be read
      expect(() => keyB.decrypt(old)).to.throw(/not configured/);
      expect(() => keyA.decrypt(fresh)).to.throw(/not configured/);
    });

    it('when fields were stored in the first form (no key id), then each configured key is tried', () => {
      const stored = keyA.encrypt('44010619900307123X');
      // the first form: version 1, then IV, tag and ciphertext, without the 4-byte key id
      const firstForm = Buffer.concat([Buffer.from([1]), stored.subarray(5)]);
      expect(keyA.decrypt(firstForm)).to.equal('44010619900307123X');
      expect(rotated.decrypt(firstForm)).to.equal('44010619900307123X');
      expect(rotated.isCurrent(firstForm)).to.equal(false);
      expect(() => keyB.decrypt(firstForm)).to.throw(/any configured key/);
    });

    it('when looking a number up during a rotation, then its hash under every configured key is asked for, the current first', () => {
      expect(rotated.lookupHash('44010619900307123X')).to.equal(keyB.lookupHash('44010619900307123X'));
      expect(rotated.lookupHashes('44010619900307123X')).to.deep.equal([keyB.lookupHash('44010619900307123X'), keyA.lookupHash('44010619900307123X')]);
      expect(keyA.lookupHashes('x')).to.deep.equal([keyA.lookupHash('x')]);
    });

    it('when the stored key id is tampered with, then decryption refuses rather than trying another key', () => {
      const stored = rotated.encrypt('44010619900307123X');
      const other = Buffer.from(stored);
      other.set(keyA.encrypt('x').subarray(1, 5), 1);
      expect(() => rotated.decrypt(other)).to.throw();
    });
  });
});
