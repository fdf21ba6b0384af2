// Unified social credit code (统一社会信用代码), GB 32100-2015, with the embedded
// organisation code (组织机构代码) checked per GB 11714-1997.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // 31 characters: no I, O, S, V, Z
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 check character for the first 17 characters; null when a character is outside the charset. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character for an 8-character organisation code body (digits and capital letters). */
export function organisationCodeCheckCharacter(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i] ?? '';
    let value: number;
    if (c >= '0' && c <= '9') value = c.charCodeAt(0) - 48;
    else if (c >= 'A' && c <= 'Z') value = c.charCodeAt(0) - 55; // A = 10 … Z = 35
    else return null;
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Normalises what people type: surrounding spaces and lower case are forgiven. */
export function normaliseUscc(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidUscc(input: string): boolean {
  const code = normaliseUscc(input);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  if (organisationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}
