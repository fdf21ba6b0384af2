import { findIdNumberProblem, idNumberProblemMessage, normalizeIdNumber } from '../../lib/id-number';
import type { Translate } from '../../lib/i18n';
import type { Member, MemberChanges, MemberInput, MemberRole } from './types';

/** What the firm types for one member, before it is checked and sent. */
export type MemberValues = {
  name: string;
  role: MemberRole;
  email: string;
  /** Held only while the form is filled in; emptied after a successful save. */
  idNumber: string;
  consent: boolean;
};

export const MEMBER_FIELDS = ['name', 'role', 'email', 'idNumber', 'consent'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const EMPTY_MEMBER: MemberValues = { name: '', role: 'member', email: '', idNumber: '', consent: false };

/** The id of one member field on the page: `member-name`, `member-0-idNumber`, `edit-member-consent`… */
export function memberFieldId(prefix: string, field: MemberField): string {
  return `${prefix}-${field}`;
}

export function isMemberField(field: string): field is MemberField {
  return (MEMBER_FIELDS as readonly string[]).includes(field);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The editable values of a saved member; the ID number is never sent back, so it starts empty. */
export function valuesOf(member: Member): MemberValues {
  return { name: member.name, role: member.role, email: member.email ?? '', idNumber: '', consent: false };
}

/** What is wrong with the values, by field; empty when they can be sent. */
export function checkMember(values: MemberValues, t: Translate): Partial<Record<MemberField, string>> {
  const problems: Partial<Record<MemberField, string>> = {};
  if (values.name.trim() === '') problems.name = t('memberForm.errors.name');
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) problems.email = t('validation.emailInvalid');
  const idNumber = normalizeIdNumber(values.idNumber);
  if (idNumber) {
    const problem = findIdNumberProblem(idNumber);
    if (problem) problems.idNumber = idNumberProblemMessage(problem, t);
    // PIPL art. 29: an ID number is sensitive personal information and needs the member's separate consent.
    if (!values.consent) problems.consent = t('memberForm.errors.consent');
  }
  return problems;
}

/** The request body for a new member. Consent is sent only with an ID number, which is what it is about. */
export function toMemberInput(values: MemberValues): MemberInput {
  const idNumber = normalizeIdNumber(values.idNumber);
  return {
    name: values.name.trim(),
    role: values.role,
    email: values.email.trim() || undefined,
    ...(idNumber ? { idNumber, consent: values.consent } : {}),
  };
}

/** The request body for changes to a member: only what differs, and an ID number only when one was typed. */
export function toMemberChanges(member: Member, values: MemberValues): MemberChanges {
  const changes: MemberChanges = {};
  const name = values.name.trim();
  const email = values.email.trim();
  if (name !== member.name) changes.name = name;
  if (values.role !== member.role) changes.role = values.role;
  // An emptied e-mail field removes the address.
  if (email !== (member.email ?? '')) changes.email = email || null;
  const idNumber = normalizeIdNumber(values.idNumber);
  if (idNumber) {
    changes.idNumber = idNumber;
    changes.consent = values.consent;
  }
  return changes;
}
