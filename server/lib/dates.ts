// Legal dates in Guangzhou are Beijing time (UTC+8, no daylight saving). The server clock decides "today".
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) in Beijing at an instant. */
export function beijingDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
