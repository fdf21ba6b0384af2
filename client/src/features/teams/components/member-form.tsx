import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { addMember } from '../api/add-member';
import { updateMember } from '../api/update-member';
import {
  EMPTY_MEMBER,
  checkMember,
  isMemberField,
  memberFieldId,
  toMemberChanges,
  toMemberInput,
  valuesOf,
  type MemberField,
  type MemberValues,
} from '../member-values';
import type { Member } from '../types';
import { MemberFields } from './member-fields';

type Props = {
  teamId: string;
  /** Prefix of the ids: `<prefix>-name`, …, `<prefix>-consent`, `<prefix>-submit`. */
  prefix: string;
  /** The member to edit; without one, the form adds a member. */
  member?: Member;
  onSaved: (member: Member) => void | Promise<void>;
  onCancel?: () => void;
};

/** Adds one member to a team, or changes one. Field errors from the server land on the fields they name. */
export function MemberForm({ teamId, prefix, member, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<MemberValues>(member ? valuesOf(member) : EMPTY_MEMBER);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MemberField, string>>>({});
  const [general, setGeneral] = useState('');
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...(Object.entries(fieldErrors) as [MemberField, string][]).map(([field, message]) => ({ fieldId: memberFieldId(prefix, field), message })),
  ];

  function fail(fields: Partial<Record<MemberField, string>>, message = '') {
    setFieldErrors(fields);
    setGeneral(message);
    setAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = checkMember(values, t);
    if (Object.keys(problems).length > 0) return fail(problems);
    const changes = member ? toMemberChanges(member, values) : null;
    if (changes && Object.keys(changes).length === 0) return fail({}, t('memberForm.noChanges'));
    setBusy(true);
    try {
      const saved = member && changes ? await updateMember(teamId, member.id, changes) : await addMember(teamId, toMemberInput(values));
      setFieldErrors({});
      setGeneral('');
      // The ID number typed is not kept once it is saved.
      setValues(member ? { ...valuesOf(saved), idNumber: '', consent: false } : EMPTY_MEMBER);
      await onSaved(saved);
    } catch (error) {
      const fields: Partial<Record<MemberField, string>> = {};
      const others: string[] = [];
      if (isApiError(error)) {
        for (const problem of error.errors) {
          if (isMemberField(problem.field)) fields[problem.field] ??= problem.message;
          else others.push(problem.message);
        }
      }
      const message = others.join(' ') || (Object.keys(fields).length === 0 ? describeError(error, t) : '');
      fail(fields, message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={attempts} />
      <form className="form narrow" id={`${prefix}-form`} noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <MemberFields prefix={prefix} values={values} onChange={setValues} errors={fieldErrors} savedIdNumber={member?.idNumberMasked} />
        <div className="button-row">
          <button className="button" type="submit" id={`${prefix}-submit`}>
            {busy ? t('memberForm.saving') : member ? t('memberForm.saveChanges') : t('memberForm.add')}
          </button>
          {onCancel && (
            <button className="button button--secondary" type="button" id={`${prefix}-cancel`} onClick={onCancel}>
              {t('memberForm.cancel')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
