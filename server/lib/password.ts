import argon2 from 'argon2';

// argon2id with the library's defaults (64 MiB, t=3), above OWASP's minimum.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check when the account does not exist, so e-mails cannot be probed by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('huiqi-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
