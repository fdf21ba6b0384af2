import { Link } from 'react-router';
import { localize, useI18n } from '../../../lib/i18n';
import type { ProgrammeSummary } from '../types';
import { ServerText } from '../../../components/ui/server-text';

export function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { language, t } = useI18n();
  return (
    <article className="card programme-card" aria-labelledby={`programme-${programme.code}`}>
      <h2 className="card__title" id={`programme-${programme.code}`}>
        <Link className="card__link" to={`/programmes/${encodeURIComponent(programme.code)}`}>
          {localize(programme.name, language)}
        </Link>
      </h2>
      <p className="card__summary">{localize(programme.summary, language)}</p>
      {programme.policyBasis && (
        <p className="card__meta">
          <span className="card__meta-label">{t('programmes.policyBasis')}</span>
          <ServerText value={programme.policyBasis} />
        </p>
      )}
    </article>
  );
}
