import { describeError } from '../../lib/error-message';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Notice } from './notice';

/** A page's data could not be loaded: what failed, why, and a retry button. */
export function LoadFailed({ message, error, onRetry }: { message: MessageKey; error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Notice kind="error">
      <p>
        {t(message)} {describeError(error, t)}
      </p>
      <button className="button button--secondary" type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Notice>
  );
}
