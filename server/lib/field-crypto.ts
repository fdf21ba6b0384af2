// Field encryption for sensitive personal information (ID numbers): AES-256-GCM with a key derived from SECRET_KEY
// (HKDF-SHA256, never stored in the database), and a keyed hash (HMAC-SHA256, a second derived key) so numbers can
// be compared and looked up without being decrypted. Stored form: version byte, 12-byte IV, 16-byte tag, ciphertext.
import crypto from 'node:crypto';

const VERSION = 1;

function derive(secret: string, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('huiqi-field-crypto'), Buffer.from(label), 32));
}

export type FieldCrypto = ReturnType<typeof createFieldCrypto>;

export function createFieldCrypto(secretKey: string) {
  const encryptionKey = derive(secretKey, 'pii-encryption-v1');
  const hashKey = derive(secretKey, 'pii-lookup-hash-v1');
  return {
    encrypt(plain: string): Buffer {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: 16 });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    /** Throws when the data was changed or encrypted under another key (GCM authenticates it). */
    decrypt(stored: Buffer): string {
      if (stored[0] !== VERSION) throw new Error('unknown field encryption version');
      if (stored.length < 29) throw new Error('stored field is too short');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encryptionKey, stored.subarray(1, 13), { authTagLength: 16 });
      decipher.setAuthTag(stored.subarray(13, 29));
      return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
    },
    /** The same number always gives the same hash under one key; without the key it reveals nothing. */
    lookupHash(plain: string): string {
      return crypto.createHmac('sha256', hashKey).update(plain).digest('hex');
    },
  };
}
