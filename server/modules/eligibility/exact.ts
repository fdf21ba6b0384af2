// Exact arithmetic for thresholds and points. Numbers are read through their shortest decimal string
// (what the person typed), so 0.05 is exactly 5/100 and a ratio of exactly 5% passes a 5% test.

/** A reduced fraction n/d with d > 0. */
export type Rational = { n: bigint; d: bigint };

const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduce(n: bigint, d: bigint): Rational {
  if (d === 1n) return { n, d };
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

// Thresholds and typical facts repeat: their exact values are kept (bounded; rationals are never mutated).
const fractions = new Map<number, Rational>();
const FRACTIONS_KEPT = 10_000;

/** The exact value of a finite number's decimal representation (e.g. 1e-7, 12.5, 1e+21). */
export function fromNumber(x: number): Rational {
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  const known = fractions.get(x);
  if (known) return known;
  const value = parseNumber(x);
  if (fractions.size >= FRACTIONS_KEPT) fractions.clear();
  fractions.set(x, value);
  return value;
}

function parseNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`unreadable number: ${x}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = BigInt(whole + fraction);
  if (sign === '-') digits = -digits;
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? reduce(digits, 10n ** BigInt(scale)) : { n: digits * 10n ** BigInt(-scale), d: 1n };
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  return reduce(BigInt(n), BigInt(d));
}

export function add(a: Rational, b: Rational): Rational {
  return reduce(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return reduce(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return reduce(a.n * b.n, a.d * b.d);
}

/** Callers check for a zero divisor first; dividing by zero is a programming error. */
export function div(a: Rational, b: Rational): Rational {
  return reduce(a.n * b.d, a.d * b.n);
}

export function sum(values: Rational[]): Rational {
  return values.reduce(add, ZERO);
}

export function sumNumbers(values: number[]): Rational {
  return sum(values.map(fromNumber));
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** numerator / denominator ≥ threshold, compared as numerator·t.d ≥ t.n·denominator (denominator > 0). */
export function ratioAtLeast(numerator: Rational, denominator: Rational, threshold: number): boolean {
  return compare(div(numerator, denominator), fromNumber(threshold)) >= 0;
}

export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ceil(a: Rational): bigint {
  return -floor({ n: -a.n, d: a.d });
}

const POWERS_OF_TEN = Array.from({ length: 13 }, (_, places) => 10n ** BigInt(places));

/** Rounds half away from zero to `places` decimals and prints without exponent, e.g. "6.67". */
export function toFixed(a: Rational, places: number): string {
  if (a.d === 1n) return places > 0 ? `${a.n}.${'0'.repeat(places)}` : `${a.n}`;
  const scale = places < POWERS_OF_TEN.length ? POWERS_OF_TEN[places] : 10n ** BigInt(places);
  const negative = a.n < 0n;
  const absN = negative ? -a.n : a.n;
  const scaled = (absN * scale * 2n + a.d) / (a.d * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  const text = places > 0 ? `${whole}.${fraction}` : `${whole}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** toFixed without trailing zeros: "5", "3.8", "4.17". */
export function toDecimalString(a: Rational, places: number): string {
  if (a.d === 1n) return `${a.n}`;
  const text = toFixed(a, places);
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end -= 1;
  if (text.charCodeAt(end - 1) === 46 /* . */) end -= 1;
  return text.slice(0, end);
}

/** Rounded to two decimals, for display and JSON. */
export function toNumber2(a: Rational): number {
  return Number(toFixed(a, 2));
}

/** "n" for whole values, "n/d" otherwise. */
export function toExactString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

export function parseExact(text: string): Rational {
  const [n, d = '1'] = text.split('/');
  return reduce(BigInt(n), BigInt(d));
}
