import { useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { useI18n } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { VerificationResult } from './verification-result';
import { VerifyCodeForm } from './verify-code-form';

/** Public: anyone holding a letter checks it against the register, by its code (or QR code) and its file. */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const title = t('verify.title');
  useDocumentTitle(code ? t('verify.titleWithCode', { code }) : title);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {code ? (
        <>
          <VerificationResult key={code} code={code} />
          <VerifyCodeForm key={`form-${code}`} heading={t('verify.another')} />
        </>
      ) : (
        <>
          <p className="lead">{t('verify.intro')}</p>
          <VerifyCodeForm />
        </>
      )}
    </>
  );
}
