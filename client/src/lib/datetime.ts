/**
 * Instants are stored and sent as ISO strings; they are always SHOWN in Beijing time (Asia/Shanghai),
 * whatever the browser's own time zone, and datetime-local inputs are read as Beijing time too.
 */
import type { Language } from './i18n';

export const TIME_ZONE = 'Asia/Shanghai';

function locale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

/** "2025年6月30日 17:00" / "30 Jun 2025, 17:00" */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** "17:05" */
export function formatTime(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** The Beijing wall-clock time of an instant as a datetime-local value, "2025-06-30T17:00". */
export function toBeijingInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value read as Beijing time, as an ISO instant with +08:00; null when unreadable. */
export function fromBeijingInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

export type TimeLeft = { days: number; hours: number; minutes: number };

export function timeLeft(untilMs: number, nowMs: number): TimeLeft {
  const totalMinutes = Math.max(0, Math.floor((untilMs - nowMs) / 60_000));
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

/** A calendar day "2025-06-30" (a Beijing day, as the API sends it): "2025年6月30日" / "30 Jun 2025". */
export function formatDate(day: string | null | undefined, language: Language): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
  }).format(date);
}

/** Today's date in Beijing as "YYYY-MM-DD", for comparing with the API's calendar days. */
export function todayInBeijing(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
