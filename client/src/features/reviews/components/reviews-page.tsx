import { ComingSoon } from '../../../components/ui/coming-soon';
import { useT } from '../../../lib/i18n';

/** Placeholder until the review feature is built. */
export function ReviewsPage() {
  const t = useT();
  return <ComingSoon title={t('reviews.title')} />;
}
