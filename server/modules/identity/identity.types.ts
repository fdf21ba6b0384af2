export const ROLES = ['applicant', 'reviewer', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as every request sees it. */
export type CurrentUser = {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  companyId: string | null;
  /** owner (may invite colleagues) or editor; null for staff */
  companyRole: 'owner' | 'editor' | null;
};

export type Company = { id: string; name: string; uscc: string };

export type UserWithSecret = CurrentUser & { passwordHash: string; disabledAt: Date | null };
