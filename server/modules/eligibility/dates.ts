// Calendar dates as plain year/month/day, so no time zone can shift a boundary.

export type CalendarDate = { y: number; m: number; d: number };

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m !== 2) return MONTH_DAYS[m - 1];
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** A strict YYYY-MM-DD date that exists in the calendar, else undefined. */
export function parseDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** Adds calendar years; a 29 February that does not exist in the target year becomes 28 February. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const y = date.y + years;
  return { y, m: date.m, d: Math.min(date.d, daysInMonth(y, date.m)) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.y !== b.y ? Math.sign(a.y - b.y) : a.m !== b.m ? Math.sign(a.m - b.m) : Math.sign(a.d - b.d);
}

/** Whole calendar years from `from` to `to` (an age, or years registered); negative when `to` is earlier. */
export function fullYearsBetween(from: CalendarDate, to: CalendarDate): number {
  let years = to.y - from.y;
  if (compareDates(addYears(from, years), to) > 0) years -= 1;
  return years;
}
