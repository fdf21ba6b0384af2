import { useI18n, type Language } from '../lib/i18n';

/** Switches between Chinese and English; the button names the other language in that language. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const target: Language = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button className="language-switch" type="button" onClick={() => setLanguage(target)}>
      <span className="visually-hidden">{t('language.switchLabel')}</span>
      <span lang={target}>{t('language.switchTo')}</span>
    </button>
  );
}
