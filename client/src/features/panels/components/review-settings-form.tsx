import { useState, type FormEvent } from 'react';
import { Notice } from '../../../components/ui/notice';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { updateReviewSettings } from '../api/update-review-settings';
import { programmeCode, type CallPanels, type ReviewSettings } from '../types';

type Props = { call: CallPanels['call']; settings: ReviewSettings; onSaved: () => Promise<void> };

/** The programme's review settings: blind identity and the spread that flags a panel for moderation. */
export function ReviewSettingsForm({ call, settings, onSaved }: Props) {
  const { t } = useI18n();
  const [blindIdentity, setBlindIdentity] = useState(settings.blindIdentity);
  const [spreadMargin, setSpreadMargin] = useState(String(settings.spreadMargin));
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const margin = Number(spreadMargin.trim());
    if (spreadMargin.trim() === '' || !Number.isFinite(margin) || margin < 0) {
      setFieldError(t('panels.settings.errors.margin'));
      document.getElementById('spread-margin')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setSaved(false);
    setBusy(true);
    try {
      const result = await updateReviewSettings(programmeCode(call), { blindIdentity, spreadMargin: margin });
      setBlindIdentity(result.blindIdentity);
      setSpreadMargin(String(result.spreadMargin));
      setSaved(true);
      await onSaved();
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'spreadMargin') : undefined;
      if (problem) setFieldError(problem.message);
      else setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="review-settings-heading">
      <h2 id="review-settings-heading">{t('panels.settings.title')}</h2>
      <p>{t('panels.settings.intro')}</p>
      <form className="form narrow" id="review-settings-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className="choice">
          <input
            className="choice__input"
            type="checkbox"
            id="blind-identity"
            name="blindIdentity"
            checked={blindIdentity}
            onChange={(event) => {
              setBlindIdentity(event.target.checked);
              setSaved(false);
            }}
            aria-describedby="blind-identity-hint"
          />
          <label className="choice__label" htmlFor="blind-identity">
            {t('panels.settings.blindIdentity')}
          </label>
          <p className="choice__hint muted" id="blind-identity-hint">
            {t('panels.settings.blindIdentityHint')}
          </p>
        </div>
        <div className={fieldError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="spread-margin">
            {t('panels.settings.spreadMargin')}
          </label>
          <p className="field__hint" id="spread-margin-hint">
            {t('panels.settings.spreadMarginHint')}
          </p>
          {fieldError && (
            <p className="field__error" id="spread-margin-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {fieldError}
            </p>
          )}
          <input
            className="field__input field__input--short"
            id="spread-margin"
            name="spreadMargin"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={spreadMargin}
            onChange={(event) => {
              setSpreadMargin(event.target.value);
              setSaved(false);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={['spread-margin-hint', fieldError ? 'spread-margin-error' : ''].filter(Boolean).join(' ')}
          />
        </div>
        <button className="button" type="submit" id="save-review-settings">
          {busy ? t('panels.settings.saving') : t('panels.settings.save')}
        </button>
        <p className="form-status" role="status" aria-live="polite" id="review-settings-status">
          {saved ? t('panels.settings.saved') : ''}
        </p>
      </form>
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
    </section>
  );
}
