// E-mail templates live in templates/emails/<name>.<language>.txt: a "Subject:" line, a blank line, the body.
// Placeholders are Mustache ({{name}}); text mail, so nothing is HTML-escaped. Read once, then cached.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { ApplicationStatus } from '../modules/applications/application-status.ts';
import { statusNames } from '../modules/applications/status-names.ts';

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/emails');
const cache = new Map<string, { subject: string; body: string }>();

export class MissingTemplateError extends Error {}

function load(name: string, language: string) {
  const key = `${name}.${language}`;
  let template = cache.get(key);
  if (!template) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new MissingTemplateError(`bad template name ${name}`);
    let text: string;
    try {
      text = fs.readFileSync(path.join(templatesDir, `${key}.txt`), 'utf8');
    } catch {
      throw new MissingTemplateError(`no e-mail template ${key}`);
    }
    const match = /^Subject: (.*)\r?\n\r?\n([\s\S]*)$/.exec(text);
    if (!match) throw new MissingTemplateError(`template ${key} must start with "Subject:" and a blank line`);
    template = { subject: match[1], body: match[2] };
    cache.set(key, template);
  }
  return template;
}

/** Adds what templates print but data does not hold: instants as Beijing time, status names. */
function view(data: Record<string, unknown>, language: string, extra: Record<string, unknown>) {
  const derived: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (/At$/.test(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      derived[`${key}Text`] = new Date(value).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }) + (language === 'en' ? ' (Beijing time)' : '（北京时间）');
    }
  }
  if (typeof data.status === 'string' && data.status in statusNames) derived.statusText = statusNames[data.status as ApplicationStatus][language === 'en' ? 'en' : 'zh'];
  return { ...data, ...derived, ...extra };
}

export function renderMail(name: string, language: string, data: Record<string, unknown>, extra: Record<string, unknown>) {
  const lang = language === 'en' ? 'en' : 'zh-CN';
  const template = load(name, lang);
  const values = view(data, lang, extra);
  const options = { escape: (value: unknown) => String(value) };
  return {
    subject: Mustache.render(template.subject, values, {}, options).replace(/[\r\n]+/g, ' ').trim(),
    text: Mustache.render(template.body, values, {}, options),
  };
}
