import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';

import { errorSummaryItems } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { applicationStatusText } from '../../../lib/reviews/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { createTeam } from '../api/create-team';
import { getApplications } from '../api/get-applications';
import { EMPTY_MEMBER, checkMember, isMemberField, memberFieldId, toMemberInput, type MemberField, type MemberValues } from '../member-values';
import { MemberFields } from './member-fields';

const IDS = { name: 'team-name', application: 'team-application', addMember: 'team-add-member', submit: 'team-submit' } as const;

type Row = { key: number; values: MemberValues };

/** The ids of the i-th member's fields: `member-0-name`, `member-0-idNumber`… */
const rowPrefix = (index: number) => `member-${index}`;

/** Where a field the server names is on the form: `members[1].idNumber` → `member-1-idNumber`. */
function fieldIdFor(field: string): string | undefined {
  if (field === 'name') return IDS.name;
  if (field === 'applicationId') return IDS.application;
  const match = /^members\[(\d+)\]\.(\w+)$/.exec(field);
  if (match && isMemberField(match[2])) return memberFieldId(rowPrefix(Number(match[1])), match[2]);
  return undefined;
}

/** The firm registers a talent team: a name, optionally the application it supports, and its members. */
export function CreateTeamForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const applications = useApiResource('teams:applications', (signal) => getApplications(signal));
  const [name, setName] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [rows, setRows] = useState<Row[]>([{ key: 0, values: EMPTY_MEMBER }]);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  // Beside the field the message needs no "Member 2:" in front; the summary at the top does.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  // After adding or removing a member, focus goes where the user will continue.
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(focusId.id)?.focus();
  }, [focusId]);

  const errorFor = (id: string) => fieldErrors[id];
  const rowErrors = (index: number): Partial<Record<MemberField, string>> => {
    const found: Partial<Record<MemberField, string>> = {};
    for (const field of ['name', 'role', 'email', 'idNumber', 'consent'] as const) {
      const message = errorFor(memberFieldId(rowPrefix(index), field));
      if (message) found[field] = message;
    }
    return found;
  };

  function addRow() {
    const index = rows.length;
    setRows((current) => [...current, { key: nextKey.current++, values: EMPTY_MEMBER }]);
    setFocusId({ id: memberFieldId(rowPrefix(index), 'name') });
  }

  function removeRow(index: number) {
    setRows((current) => current.filter((_, i) => i !== index));
    // The fields after it move up, so their ids (and any errors on them) change: start the errors afresh.
    setErrors([]);
    setFieldErrors({});
    setFocusId({ id: IDS.addMember });
  }

  /** The problems for the summary, and the same ones by field id. */
  function check(): { summary: ErrorSummaryItem[]; byField: Record<string, string> } {
    const summary: ErrorSummaryItem[] = [];
    const byField: Record<string, string> = {};
    if (name.trim() === '') {
      byField[IDS.name] = t('createTeam.errors.name');
      summary.push({ fieldId: IDS.name, message: byField[IDS.name] });
    }
    rows.forEach((row, index) => {
      const found = checkMember(row.values, t);
      for (const [field, message] of Object.entries(found) as [MemberField, string][]) {
        const fieldId = memberFieldId(rowPrefix(index), field);
        byField[fieldId] = message;
        summary.push({ fieldId, message: t('createTeam.memberError', { n: index + 1, message }) });
      }
    });
    return { summary, byField };
  }

  function fail(summary: ErrorSummaryItem[], byField: Record<string, string>) {
    setErrors(summary);
    setFieldErrors(byField);
    setAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    if (problems.summary.length > 0) return fail(problems.summary, problems.byField);
    setErrors([]);
    setFieldErrors({});
    setBusy(true);
    try {
      const team = await createTeam({
        name: name.trim(),
        applicationId: applicationId || undefined,
        members: rows.map((row) => toMemberInput(row.values)),
      });
      // The ID numbers typed are not kept once the team is saved.
      setRows([]);
      navigate(`/teams/${encodeURIComponent(team.id)}`, { state: { created: team.name } });
    } catch (error) {
      const fromServer = errorSummaryItems(error, (field) => fieldIdFor(field), t);
      const byField: Record<string, string> = {};
      for (const item of fromServer) if (item.fieldId) byField[item.fieldId] ??= item.message;
      fail(fromServer, byField);
      setBusy(false);
    }
  }

  const applicationError = errorFor(IDS.application);
  const options = applications.status === 'success' ? applications.data.items : [];
  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form" id="create-team-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <TextField id={IDS.name} label={t('createTeam.name')} hint={t('createTeam.nameHint')} value={name} onChange={setName} error={errorFor(IDS.name)} autoComplete="off" required />
        <div className={applicationError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={IDS.application}>
            {t('createTeam.application')}
          </label>
          <p className="field__hint" id={`${IDS.application}-hint`}>
            {applications.status === 'error' ? t('createTeam.applicationsFailed') : t('createTeam.applicationHint')}
          </p>
          {applicationError && (
            <p className="field__error" id={`${IDS.application}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {applicationError}
            </p>
          )}
          <select
            className="field__input field__select"
            id={IDS.application}
            name={IDS.application}
            value={applicationId}
            onChange={(event) => setApplicationId(event.target.value)}
            aria-invalid={applicationError ? true : undefined}
            aria-describedby={[`${IDS.application}-hint`, applicationError ? `${IDS.application}-error` : ''].filter(Boolean).join(' ')}
          >
            <option value="">{t('createTeam.noApplication')}</option>
            {options.map((application) => (
              <option key={application.id} value={application.id}>
                {t('createTeam.applicationOption', {
                  title: application.callTitle ?? application.id,
                  status: applicationStatusText(application.status, t),
                })}
              </option>
            ))}
          </select>
        </div>

        <h3 className="small-heading">{t('createTeam.membersTitle')}</h3>
        <p className="field__hint">{t('createTeam.membersHint')}</p>
        {rows.length === 0 && <p id="create-team-no-members">{t('createTeam.noMembers')}</p>}
        {rows.map((row, index) => (
          <fieldset className="fieldset member-fieldset" key={row.key} id={`${rowPrefix(index)}`} data-member-row={index}>
            <legend className="fieldset__legend member-fieldset__legend">{t('createTeam.memberLegend', { n: index + 1 })}</legend>
            <MemberFields
              prefix={rowPrefix(index)}
              values={row.values}
              onChange={(values) => setRows((current) => current.map((r) => (r.key === row.key ? { ...r, values } : r)))}
              errors={rowErrors(index)}
            />
            <button className="button button--secondary button--small" type="button" id={`${rowPrefix(index)}-remove`} onClick={() => removeRow(index)}>
              {t('createTeam.removeMember', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <div className="button-row">
          <button className="button button--secondary" type="button" id={IDS.addMember} onClick={addRow}>
            {t('createTeam.addMember')}
          </button>
        </div>
        <div className="form-footer">
          <button className="button" type="submit" id={IDS.submit}>
            {busy ? t('createTeam.submitting') : t('createTeam.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
