// Field encryption for sensitive personal information (ID numbers, authenticator secrets): AES-256-GCM with a key
// derived from SECRET_KEY (HKDF-SHA256, never stored in the database), and a keyed hash (HMAC-SHA256, a second
// derived key) so numbers can be compared and looked up without being decrypted.
//
// Keys rotate: the current SECRET_KEY encrypts; keys in PREVIOUS_SECRET_KEYS still decrypt what they encrypted and
// still find what they hashed, until `npm run keys:rotate` has re-encrypted and re-hashed the stored data.
// Stored form: version 2, a 4-byte key id (derived, reveals nothing of the key), 12-byte IV, 16-byte tag, ciphertext.
// Version 1 (no key id, written before rotation existed) is still read, by trying each key.
import crypto from 'node:crypto';

const KEYED = 2;
const UNKEYED = 1;
const TAG_LENGTH = 16;

function derive(secret: string, label: string, length = 32): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('huiqi-field-crypto'), Buffer.from(label), length));
}

type Key = { id: Buffer; encryptionKey: Buffer; hashKey: Buffer };

const keyFrom = (secret: string): Key => ({
  id: derive(secret, 'key-id-v1', 4),
  encryptionKey: derive(secret, 'pii-encryption-v1'),
  hashKey: derive(secret, 'pii-lookup-hash-v1'),
});

function open(key: Key, iv: Buffer, tag: Buffer, body: Buffer): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.encryptionKey, iv, { authTagLength: TAG_LENGTH });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** The first of `keys` that GCM accepts (two keys' 4-byte ids may, rarely, be the same). */
function openWithAny(keys: Key[], iv: Buffer, tag: Buffer, body: Buffer): string {
  for (const key of keys) {
    try {
      return open(key, iv, tag, body);
    } catch {
      // not this key: GCM refused it; try the next
    }
  }
  throw new Error('stored field could not be decrypted with any configured key');
}

export type FieldCrypto = ReturnType<typeof createFieldCrypto>;

/** `secretKey` encrypts and hashes; `previousKeys` (newest first) only read what they wrote. */
export function createFieldCrypto(secretKey: string, previousKeys: readonly string[] = []) {
  const current = keyFrom(secretKey);
  const ring = [current, ...previousKeys.filter((key) => key !== secretKey).map(keyFrom)];
  const hmac = (key: Key, plain: string) => crypto.createHmac('sha256', key.hashKey).update(plain).digest('hex');

  return {
    /** The current key's id (hex), recorded beside hashes that cannot be re-made (recovery codes). */
    currentKeyId: current.id.toString('hex'),

    encrypt(plain: string): Buffer {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.encryptionKey, iv, { authTagLength: TAG_LENGTH });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([KEYED]), current.id, iv, cipher.getAuthTag(), body]);
    },

    /** Throws when the data was changed or its key is not configured (GCM authenticates it). */
    decrypt(stored: Buffer): string {
      if (stored[0] === KEYED) {
        if (stored.length < 33) throw new Error('stored field is too short');
        const id = stored.subarray(1, 5);
        const candidates = ring.filter((candidate) => candidate.id.equals(id));
        if (candidates.length === 0) throw new Error('stored field was encrypted under a key that is not configured (SECRET_KEY, PREVIOUS_SECRET_KEYS)');
        return openWithAny(candidates, stored.subarray(5, 17), stored.subarray(17, 33), stored.subarray(33));
      }
      if (stored[0] !== UNKEYED) throw new Error('unknown field encryption version');
      if (stored.length < 29) throw new Error('stored field is too short');
      return openWithAny(ring, stored.subarray(1, 13), stored.subarray(13, 29), stored.subarray(29));
    },

    /** Whether `stored` is already under the current key in the current form (nothing for a rotation to do). */
    isCurrent(stored: Buffer): boolean {
      return stored[0] === KEYED && stored.subarray(1, 5).equals(current.id);
    },

    /** The hash to store: the same text always gives the same hash under one key; without the key it reveals nothing. */
    lookupHash(plain: string): string {
      return hmac(current, plain);
    },

    /** The hashes to look for: under the current key first, then under each previous key not yet rotated away. */
    lookupHashes(plain: string): string[] {
      return ring.map((key) => hmac(key, plain));
    },
  };
}
