import { ComingSoon } from '../../../components/ui/coming-soon';
import { useT } from '../../../lib/i18n';

/** Placeholder until the applications feature is built. */
export function ApplicationsPage() {
  const t = useT();
  return <ComingSoon title={t('applications.title')} />;
}
