// Resident identity card number (居民身份证号码), GB 11643-1999: 6-digit address code, 8-digit birth
// date, 3-digit sequence and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Check character for the first 17 digits; null when they are not 17 digits. */
export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isValidBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  // Second-generation cards began in 1999; people born in the 1800s could still hold one.
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A lower-case x is what people often type for the check character X, so it is accepted. */
export function isValidResidentId(input: unknown): boolean {
  if (typeof input !== 'string' || input.length !== 18) return false;
  const id = input.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isValidBirthDate(id.slice(6, 14))) return false;
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17];
}

/** Shows only the last 4 characters: the number is sensitive personal information (PIPL art. 28). */
export function maskResidentId(input: string): string {
  const visible = input.slice(-4);
  return '*'.repeat(Math.max(0, input.length - visible.length)) + visible;
}
