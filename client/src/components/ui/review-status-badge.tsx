import { reviewStatusText } from '../../lib/reviews/labels';
import { useT } from '../../lib/i18n';

/** An assignment's state as a word in a badge (never colour alone). */
export function ReviewStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`status status--review-${status}`} data-review-status={status}>
      {reviewStatusText(status, t)}
    </span>
  );
}
