// Test data: every test makes its own, with unique codes and e-mails.
import crypto from 'node:crypto';
import { organisationCodeCheckCharacter, usccCheckCharacter } from '../../server/lib/uscc.ts';
import { hashPassword } from '../../server/lib/password.ts';
import { residentIdCheckCharacter } from '../../server/lib/resident-id.ts';
import type { Database } from '../../server/db/connection.ts';
import type { Role } from '../../server/modules/identity/identity.types.ts';
import { TestClient } from './client.ts';

const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random unified social credit code with both check characters right. */
export function validUscc(): string {
  const body = Array.from(crypto.randomBytes(8), (b) => BODY_CHARS[b % BODY_CHARS.length]).join('');
  const first17 = `91440101${body}${organisationCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

/** The same code with a wrong last character. */
export function withWrongCheckCharacter(uscc: string): string {
  const last = uscc[17];
  return uscc.slice(0, 17) + (last === '0' ? '1' : '0');
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 12)}@example.cn`;
}

export const PASSWORD = 'correct-horse-battery';

export function registration(overrides: Partial<{ email: string; password: string; displayName: string; company: { name: string; uscc: string } }> = {}) {
  return {
    email: uniqueEmail(),
    password: PASSWORD,
    displayName: '测试用户',
    company: { name: `测试科技有限公司${crypto.randomInt(1e6)}`, uscc: validUscc() },
    ...overrides,
  };
}

/** Registers a new company and signs its first user in. */
export async function signedInApplicant(baseUrl: string) {
  const client = new TestClient(baseUrl);
  const input = registration();
  const registered = await client.post('/api/auth/register', input);
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.text}`);
  await client.signIn(input.email, input.password);
  return { client, input, user: registered.body.user, company: registered.body.company };
}

/** Staff accounts are not self-registered: tests create them directly, as an administrator would. */
export async function createStaffUser(db: Database, roles: Role[]) {
  const email = uniqueEmail(roles[0]);
  const user = await db.models.User.create({
    email,
    passwordHash: await hashPassword(PASSWORD),
    displayName: `Staff ${roles.join('+')}`,
    roles,
    companyId: null,
    disabledAt: null,
    lastSignInAt: null,
  });
  return { id: user.id, email, password: PASSWORD };
}

export async function signedInStaff(baseUrl: string, db: Database, roles: Role[]) {
  const staff = await createStaffUser(db, roles);
  const client = new TestClient(baseUrl);
  const reply = await client.signIn(staff.email, staff.password);
  if (reply.status !== 200) throw new Error(`staff sign-in failed: ${reply.text}`);
  return { client, user: staff };
}

/** A random valid resident ID number (GB 11643): a Guangzhou address code, a birth date in the 1980s–1990s, the check character. */
export function validResidentId(): string {
  const year = 1980 + crypto.randomInt(20);
  const month = String(1 + crypto.randomInt(12)).padStart(2, '0');
  const day = String(1 + crypto.randomInt(28)).padStart(2, '0');
  const first17 = `440106${year}${month}${day}${String(crypto.randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}
