// How numbers appear in criterion messages (both languages).
import { fromNumber, toDecimalString, type Rational } from './exact.ts';

/** A ratio as a percentage, e.g. 0.038 → "3.8%". */
export function percent(ratio: Rational, places = 2): string {
  return `${toDecimalString({ n: ratio.n * 100n, d: ratio.d }, places)}%`;
}

export function percentOf(threshold: number): string {
  return percent(fromNumber(threshold), 4);
}

/**
 * An actual ratio printed so that it never looks equal to a threshold it misses
 * (4.9999% would otherwise round to "5%").
 */
export function percentBeside(actual: Rational, threshold: number): string {
  const thresholdText = percentOf(threshold);
  for (const places of [2, 4, 6, 8]) {
    const text = percent(actual, places);
    if (text !== thresholdText) return text;
  }
  return percent(actual, 10);
}

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return grouped;
}

/** English money: "600,000 yuan". */
export function yuanEn(amount: Rational | number | bigint): string {
  const value = typeof amount === 'bigint' ? { n: amount, d: 1n } : typeof amount === 'number' ? fromNumber(amount) : amount;
  const text = toDecimalString(value, 2);
  const [whole, fraction] = text.replace('-', '').split('.');
  return `${text.startsWith('-') ? '-' : ''}${groupThousands(whole)}${fraction ? `.${fraction}` : ''} yuan`;
}

/** Chinese money in 万元 from 10,000 yuan up ("60 万元"), else in 元. */
export function yuanZh(amount: Rational | number | bigint): string {
  const value = typeof amount === 'bigint' ? { n: amount, d: 1n } : typeof amount === 'number' ? fromNumber(amount) : amount;
  const absolute = value.n < 0n ? -value.n : value.n;
  if (absolute >= 10000n * value.d) return `${toDecimalString({ n: value.n, d: value.d * 10000n }, 2)} 万元`;
  return `${toDecimalString(value, 2)} 元`;
}

export function usdEn(amount: number): string {
  const text = toDecimalString(fromNumber(amount), 2);
  const [whole, fraction] = text.replace('-', '').split('.');
  return `${text.startsWith('-') ? '-' : ''}US$${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** Chinese dollars in 亿美元 from 100 million up, else 万美元. */
export function usdZh(amount: number): string {
  const value = fromNumber(amount);
  const absolute = value.n < 0n ? -value.n : value.n;
  if (absolute >= 100000000n * value.d) return `${toDecimalString({ n: value.n, d: value.d * 100000000n }, 4)} 亿美元`;
  return `${toDecimalString({ n: value.n, d: value.d * 10000n }, 2)} 万美元`;
}

export function plainNumber(value: number | Rational): string {
  return toDecimalString(typeof value === 'number' ? fromNumber(value) : value, 2);
}
