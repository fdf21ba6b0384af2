import { localize, useI18n } from '../../lib/i18n';
import type { ServerText as ServerTextValue } from '../../lib/facts/screening-types';

const HAS_CHINESE = /[\u3400-\u9fff]/;

/**
 * Shows server text in the current language. A plain string (e.g. a policy document's title) is
 * often Chinese only; it is marked lang="zh-CN" in the English view so screen readers read it right.
 */
export function ServerText({ value }: { value: ServerTextValue | undefined }) {
  const { language } = useI18n();
  const text = localize(value, language);
  if (typeof value === 'string' && language !== 'zh-CN' && HAS_CHINESE.test(text)) {
    return <span lang="zh-CN">{text}</span>;
  }
  return <>{text}</>;
}
