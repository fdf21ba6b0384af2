import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../lib/i18n';
import { memberRoleText } from '../../../lib/talent/labels';
import { memberFieldId, type MemberField, type MemberValues } from '../member-values';
import { MEMBER_ROLES, type MemberRole } from '../types';

type Props = {
  /** Prefix of the fields' ids, e.g. `member` gives `member-name`, `member-idNumber`, `member-consent`. */
  prefix: string;
  values: MemberValues;
  onChange: (values: MemberValues) => void;
  errors: Partial<Record<MemberField, string>>;
  /** When editing: the masked number already held, if any. */
  savedIdNumber?: string | null;
};

/**
 * One member's fields: name, role, e-mail, ID number and the consent statement. The ID number is optional
 * (the member can enter it through a consent link); when one is typed, the firm must tick the statement.
 */
export function MemberFields({ prefix, values, onChange, errors, savedIdNumber }: Props) {
  const { t } = useI18n();
  const id = (field: MemberField) => memberFieldId(prefix, field);
  const set = <K extends keyof MemberValues>(field: K) => (value: MemberValues[K]) => onChange({ ...values, [field]: value });
  const idNumberTyped = values.idNumber.trim() !== '';
  const roleError = errors.role;
  const consentError = errors.consent;
  const consentHintId = `${id('consent')}-hint`;
  const consentErrorId = `${id('consent')}-error`;

  return (
    <>
      <TextField id={id('name')} label={t('memberForm.name')} value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" required />
      <div className={roleError ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id('role')}>
          {t('memberForm.role')}
        </label>
        {roleError && (
          <p className="field__error" id={`${id('role')}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {roleError}
          </p>
        )}
        <select
          className="field__input field__select"
          id={id('role')}
          name={id('role')}
          value={values.role}
          onChange={(event) => set('role')(event.target.value as MemberRole)}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? `${id('role')}-error` : undefined}
        >
          {MEMBER_ROLES.map((role) => (
            <option key={role} value={role}>
              {memberRoleText(role, t)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={id('email')}
        label={t('memberForm.email')}
        hint={t('memberForm.emailHint')}
        type="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id={id('idNumber')}
        label={t('memberForm.idNumber')}
        hint={savedIdNumber ? t('memberForm.idNumberHintSaved', { masked: savedIdNumber }) : t('memberForm.idNumberHint')}
        value={values.idNumber}
        onChange={set('idNumber')}
        error={errors.idNumber}
        autoComplete="off"
        inputMode="text"
        spellCheck={false}
        autoCapitalize="characters"
        className="field__input--id-number"
      />
      <div className={consentError ? 'field field--error' : 'field'}>
        <p className="field__hint" id={consentHintId}>
          {t('memberForm.consentHint')}
        </p>
        {consentError && (
          <p className="field__error" id={consentErrorId}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {consentError}
          </p>
        )}
        <div className="choice consent-choice">
          <input
            className="choice__input"
            type="checkbox"
            id={id('consent')}
            name={id('consent')}
            checked={values.consent}
            onChange={(event) => set('consent')(event.target.checked)}
            aria-required={idNumberTyped || undefined}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={[consentHintId, consentError ? consentErrorId : ''].filter(Boolean).join(' ')}
          />
          <label className="choice__label" htmlFor={id('consent')}>
            {t('memberForm.consentStatement')}
          </label>
        </div>
      </div>
    </>
  );
}
