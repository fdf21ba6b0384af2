export type CompanyRole = 'owner' | 'editor';
export type Member = { id: string; email: string; displayName: string | null; companyRole: CompanyRole };
export type Invitation = { id: string; email: string; role: CompanyRole; expiresAt: string };
export type InvitationOffer = { email: string; role: CompanyRole; expiresAt: string; company: { name: string } };
