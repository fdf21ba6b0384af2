import { Link } from 'react-router';
import { DecisionSummary } from '../../../components/ui/decision-summary';
import { LetterList } from '../../../components/ui/letter-list';
import { useI18n } from '../../../lib/i18n';
import type { Application } from '../types';

/** Statuses in which an officer has a decision to make or to look at. */
const DECISION_STATUSES = new Set(['scored', 'approved', 'noticed', 'rejected', 'revoked', 'appealed']);

/** The decision on the application (outcome, amount, payment schedule, reasons) and its letters. */
export function DecisionSection({ application, staff }: { application: Application; staff: boolean }) {
  const { t } = useI18n();
  const letters = application.letters ?? [];
  const decision = application.decision ?? null;
  if (!decision && letters.length === 0 && !(staff && DECISION_STATUSES.has(application.status))) return null;

  return (
    <section className="section decision-section" aria-labelledby="decision-section-heading" id="decision">
      <h2 id="decision-section-heading">{t('decision.title')}</h2>
      {decision ? <DecisionSummary decision={decision} /> : <p id="decision-none">{t('decision.none')}</p>}
      {staff && (
        <p>
          <Link className="button button--secondary" id="decision-page-link" to={`/applications/${encodeURIComponent(application.id)}/decision`}>
            {decision ? t('decision.openPage') : t('decision.makeDecision')}
          </Link>
        </p>
      )}
      {letters.length > 0 && (
        <>
          <h3 id="applicant-letters-heading">{t('letters.title')}</h3>
          <p className="muted">{t('letters.applicantHint')}</p>
          <LetterList letters={letters} caption={t('letters.caption', { count: letters.length })} />
        </>
      )}
    </section>
  );
}
