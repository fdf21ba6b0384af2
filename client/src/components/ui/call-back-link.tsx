import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';

/** The back link on an officer's call pages (panels, ranking, notice, appeals): to the call's applications. */
export function CallBackLink({ callId }: { callId: string }) {
  const { t } = useI18n();
  return (
    <p className="back-link">
      <Link to={`/calls/${encodeURIComponent(callId)}/applications`}>{t('panels.backToApplications')}</Link>
    </p>
  );
}
