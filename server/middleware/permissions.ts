// Named permission predicates. Every route declares one (see route.ts); a test fails when a route has none.
// Resource-level rules (a company sees only its own data, as 404 otherwise) live in each module's
// <domain>.permissions.ts and are applied by the use cases.
import type { CurrentUser, Role } from '../modules/identity/identity.types.ts';

export type Permission = {
  name: string;
  description: string;
  /** false when anyone may call the route without signing in */
  requiresSignIn: boolean;
  allows(user: CurrentUser | null): boolean;
};

function roleIn(name: string, description: string, roles: Role[]): Permission {
  return {
    name,
    description,
    requiresSignIn: true,
    allows: (user) => !!user && user.roles.some((role) => roles.includes(role)),
  };
}

export const permissions = {
  public: {
    name: 'public',
    description: 'Anyone, signed in or not',
    requiresSignIn: false,
    allows: () => true,
  },
  signedIn: {
    name: 'signedIn',
    description: 'Any signed-in user',
    requiresSignIn: true,
    allows: (user) => !!user,
  },
  signingIn: {
    name: 'signingIn',
    description: 'Signed in, or half-way through signing in (the password was right; the second factor is pending)',
    requiresSignIn: false,
    allows: () => true,
  },
  applicant: roleIn('applicant', 'A signed-in member of a registered company', ['applicant']),
  reviewer: roleIn('reviewer', 'A signed-in expert reviewer', ['reviewer']),
  officer: roleIn('officer', 'A programme officer (or an administrator)', ['officer', 'admin']),
  staff: roleIn('staff', 'A reviewer, officer or administrator', ['reviewer', 'officer', 'admin']),
  admin: roleIn('admin', 'A platform administrator', ['admin']),
} satisfies Record<string, Permission>;
