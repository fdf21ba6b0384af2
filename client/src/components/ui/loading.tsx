import { useT } from '../../lib/i18n';

/** A polite "Loading…" line that screen readers announce. */
export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
