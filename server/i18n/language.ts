import type { Request } from 'express';

export type Language = 'zh-CN' | 'en';
export type Bilingual = { zh: string; en: string };

/** Chinese unless the client prefers English. */
export function pickLanguage(req: Request): Language {
  const preferred = req.acceptsLanguages('zh-CN', 'zh', 'en');
  return preferred === 'en' ? 'en' : 'zh-CN';
}

export function localize(text: Bilingual, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
