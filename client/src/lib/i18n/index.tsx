import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';
import { setApiLanguage } from '../api';

export type Language = 'zh-CN' | 'en';
export type { MessageKey };

/** Text the server gives in both languages, e.g. a programme's name. */
export type Localized = { zh: string; en: string };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const catalogues: Record<Language, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'huiqi.language';
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall back to the default.
    return DEFAULT_LANGUAGE;
  }
}

function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Picks the current language's text from a server value that is either bilingual or a plain string. */
export function localize(value: Localized | string | null | undefined, language: Language): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return language === 'en' ? value.en || value.zh : value.zh || value.en;
}

type I18nContextValue = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  // Set during render (an idempotent assignment) so that requests made by children's effects,
  // which run before this provider's effects, already carry the right Accept-Language.
  setApiLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies for this visit.
    }
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const messages = catalogues[language];
    const t: Translate = (key, values) => format(messages[key], values);
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

export function useT(): Translate {
  return useI18n().t;
}
