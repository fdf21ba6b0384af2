// Working days in mainland China: Monday to Friday, except public holidays, plus the official make-up working days
// (调休) that fall on weekends. The calendar is data (public_holidays), published each year by the State Council.
export type CalendarDay = { day: string; kind: 'holiday' | 'workday' };

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: Map<string, 'holiday' | 'workday'>): boolean {
  const marked = calendar.get(day);
  if (marked) return marked === 'workday';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: string, calendar: Map<string, 'holiday' | 'workday'>): string {
  let current = day;
  while (!isWorkingDay(current, calendar)) current = addDays(current, 1);
  return current;
}

/**
 * The notice period: visible from `startsOn` (a weekend or holiday included, if that is when it is published) until the
 * `count`th working day counted from the first working day on or after `startsOn`.
 */
export function noticePeriod(startsOn: string, count: number, calendar: Map<string, 'holiday' | 'workday'>): { startsOn: string; endsOn: string } {
  let endsOn = nextWorkingDay(startsOn, calendar);
  let counted = 1;
  while (counted < count) {
    endsOn = addDays(endsOn, 1);
    if (isWorkingDay(endsOn, calendar)) counted += 1;
  }
  return { startsOn, endsOn };
}

/** Calendar days after a date (appeal windows are counted in calendar days). */
export function plusDays(day: string, count: number): string {
  return addDays(day, count);
}
