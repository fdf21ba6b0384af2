import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../lib/i18n';

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** For another six-digit code (the one from the e-mail); the authenticator app's words when left out. */
  label?: string;
  hint?: string;
  /**
   * 'one-time-code' (the default) lets password managers fill the authenticator's code; the e-mailed code's field
   * says 'off', or they would put the authenticator's code there too.
   */
  autoComplete?: 'one-time-code' | 'off';
};

/** A six-digit code, by default the authenticator app's: numeric keyboard, one-time-code autofill, no spell check. */
export function OtpField({ id, value, onChange, error, label, hint, autoComplete = 'one-time-code' }: Props) {
  const t = useT();
  return (
    <TextField
      id={id}
      label={label ?? t('mfa.fields.code')}
      hint={hint ?? t('mfa.fields.codeHint')}
      inputMode="numeric"
      autoComplete={autoComplete}
      spellCheck={false}
      autoCapitalize="none"
      className="field__input--otp"
      required
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
