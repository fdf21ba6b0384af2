import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../lib/i18n';

type Props = { id: string; value: string; onChange: (value: string) => void; error?: string };

/** The six-digit code from the authenticator app: numeric keyboard, one-time-code autofill, no spell check. */
export function OtpField({ id, value, onChange, error }: Props) {
  const t = useT();
  return (
    <TextField
      id={id}
      label={t('mfa.fields.code')}
      hint={t('mfa.fields.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
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
