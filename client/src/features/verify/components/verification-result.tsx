import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { letterKindText, outcomeText } from '../../../lib/decisions/labels';
import { formatYuan } from '../../../lib/format';
import { localize, useI18n, type MessageKey } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { getVerification } from '../api/get-verification';
import type { Verification, VerificationStatus } from '../types';
import { FileCheck } from './file-check';

const BANNER: Record<VerificationStatus, { icon: string; title: MessageKey; body: MessageKey }> = {
  valid: { icon: '✓', title: 'verify.valid', body: 'verify.validBody' },
  superseded: { icon: '!', title: 'verify.superseded', body: 'verify.supersededBody' },
  revoked: { icon: '✗', title: 'verify.revoked', body: 'verify.revokedBody' },
};

/** What the register holds for a code, with a clear valid / superseded / revoked banner, and the file check. */
export function VerificationResult({ code }: { code: string }) {
  const { t } = useI18n();
  const result = useApiResource(`verify:${code}`, (signal) => getVerification(code, signal));
  const notFound = result.status === 'error' && isApiError(result.error) && result.error.status === 404;

  return (
    <>
      <section className="section" aria-labelledby="verify-result-heading">
        <h2 id="verify-result-heading">{t('verify.resultTitle')}</h2>
        {result.status === 'loading' && <Loading />}
        {notFound && (
          <Notice kind="error">
            <p id="verify-not-found">{t('verify.notFound', { code })}</p>
          </Notice>
        )}
        {result.status === 'error' && !notFound && <LoadFailed message="verify.loadFailed" error={result.error} onRetry={result.reload} />}
        {result.status === 'success' && <Register verification={result.data} />}
      </section>
      {result.status === 'success' && <FileCheck expected={result.data.sha256} />}
    </>
  );
}

function Register({ verification: v }: { verification: Verification }) {
  const { language, t } = useI18n();
  const banner = BANNER[v.status] ?? BANNER.revoked;
  const company = typeof v.company === 'string' ? v.company : v.company.name;
  return (
    <>
      <div className={`outcome-banner outcome-banner--${v.status}`} id="verify-status" data-status={v.status}>
        <p className="outcome-banner__title">
          <span className="outcome-banner__icon" aria-hidden="true">
            {banner.icon}
          </span>
          {t(banner.title)}
        </p>
        <p>{t(banner.body)}</p>
        {v.supersededBy && (
          <p id="verify-superseded-by">
            {t('verify.supersededByText', {
              reference: v.supersededBy.reference,
              version: v.supersededBy.version,
              at: formatDateTime(v.supersededBy.issuedAt, language),
            })}
          </p>
        )}
      </div>
      <dl className="summary-list" id="verify-details">
        <div className="summary-list__row">
          <dt>{t('verify.reference')}</dt>
          <dd id="verify-reference">{v.reference}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('verify.kind')}</dt>
          <dd>
            {letterKindText(v.kind, t)} · {t('letters.version', { version: v.version })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('verify.company')}</dt>
          <dd>{company}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('verify.programme')}</dt>
          <dd>{localize(v.programmeName, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('verify.outcome')}</dt>
          <dd>{outcomeText(v.outcome, t)}</dd>
        </div>
        {v.amount !== null && (
          <div className="summary-list__row">
            <dt>{t('verify.amount')}</dt>
            <dd>{formatYuan(v.amount, language)}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>{t('verify.issuedAt')}</dt>
          <dd>{formatDateTime(v.issuedAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('verify.sha256')}</dt>
          <dd>
            <code className="hash" id="verify-sha256">
              {v.sha256}
            </code>
          </dd>
        </div>
      </dl>
    </>
  );
}
