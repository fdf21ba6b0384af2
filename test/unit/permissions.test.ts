import { expect } from 'chai';
import { permissions, type Permission } from '../../server/middleware/permissions.ts';
import type { CurrentUser, Role } from '../../server/modules/identity/identity.types.ts';

const user = (...roles: Role[]): CurrentUser => ({ id: 'u', email: 'u@example.cn', displayName: 'U', roles, companyId: null, companyRole: null });

describe('permission predicates', () => {
  // who → [public, signedIn, applicant, reviewer, officer, staff, admin]
  const table: [string, CurrentUser | null, boolean[]][] = [
    ['nobody signed in', null, [true, false, false, false, false, false, false]],
    ['an applicant', user('applicant'), [true, true, true, false, false, false, false]],
    ['a reviewer', user('reviewer'), [true, true, false, true, false, true, false]],
    ['an officer', user('officer'), [true, true, false, false, true, true, false]],
    ['an administrator', user('admin'), [true, true, false, false, true, true, true]],
    ['a reviewer who is also an applicant', user('applicant', 'reviewer'), [true, true, true, true, false, true, false]],
  ];
  const order = ['public', 'signedIn', 'applicant', 'reviewer', 'officer', 'staff', 'admin'] as const;

  it('when anyone asks a signingIn route, then it lets them through to the handler, which checks the half-finished sign-in', () => {
    const signingIn: Permission = permissions.signingIn;
    for (const [, current] of table) expect(signingIn.allows(current)).to.equal(true);
  });

  for (const [who, current, expected] of table) {
    it(`when ${who} asks, then the predicates answer ${expected.map(Number).join('')}`, () => {
      expect(order.map((name) => permissions[name].allows(current))).to.deep.equal(expected);
    });
  }

  it('when a permission is declared, then it has a name, a description and says whether sign-in is needed', () => {
    for (const [key, permission] of Object.entries(permissions)) {
      expect(permission.name).to.equal(key);
      expect(permission.description).to.be.a('string').with.length.greaterThan(5);
      // signingIn lets a half-finished sign-in (password right, second factor pending) reach the second step
      expect(permission.requiresSignIn).to.equal(key !== 'public' && key !== 'signingIn');
    }
  });
});
