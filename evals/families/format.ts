/** Typography shared by the prompts: real minus and times signs read better than "-" and "*" to a model and a human. */
export const MINUS = '\u2212';
export const TIMES = '\u00d7';
export const DIVIDE = '\u00f7';

/** A signed integer as a prompt shows it: −7 (minus sign, not hyphen). */
export function signed(n: number): string {
  return n < 0 ? `${MINUS}${-n}` : String(n);
}

/** A negative integer in brackets, positive ones bare: 3 − (−4). */
export function operand(n: number): string {
  return n < 0 ? `(${signed(n)})` : String(n);
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** An exact decimal from an integer count of 10^-places units: decimal(320, 2) = "3.2", decimal(300, 2) = "3". */
export function decimal(units: number, places: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Joins words as English does: "a", "a and b", "a, b and c". */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
