import { ComingSoon } from '../../../components/ui/coming-soon';
import { useT } from '../../../lib/i18n';

/** Placeholder until call management is built. */
export function CallsPage() {
  const t = useT();
  return <ComingSoon title={t('calls.title')} />;
}
