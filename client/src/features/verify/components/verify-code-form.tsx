import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../lib/i18n';
import { verifyPath } from '../../../lib/decisions/letters';

/** Type the code printed on a letter to see what the register holds for it. */
export function VerifyCodeForm({ heading }: { heading?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) {
      setError(t('verify.errors.code'));
      document.getElementById('verify-code')?.focus();
      return;
    }
    setError('');
    navigate(verifyPath(trimmed));
  }

  const form = (
    <form className="form narrow" id="verify-form" noValidate onSubmit={handleSubmit}>
      <TextField
        id="verify-code"
        label={t('verify.code')}
        hint={t('verify.codeHint')}
        value={code}
        onChange={setCode}
        error={error}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        className="field__input--code"
        required
      />
      <button className="button" type="submit" id="verify-submit">
        {t('verify.submit')}
      </button>
    </form>
  );
  if (!heading) return form;
  return (
    <section className="section" aria-labelledby="verify-another-heading">
      <h2 id="verify-another-heading">{heading}</h2>
      {form}
    </section>
  );
}
