import { gcd } from '../format';

/** An exact fraction in lowest terms with a positive denominator: just enough rational arithmetic for the prompts. */
export class Fraction {
  readonly num: number;
  readonly den: number;

  constructor(num: number, den = 1) {
    if (den === 0) throw new RangeError('Fraction: zero denominator');
    const sign = den < 0 ? -1 : 1;
    const divisor = gcd(num, den) || 1;
    this.num = (sign * num) / divisor;
    this.den = (sign * den) / divisor;
  }

  add(other: Fraction): Fraction {
    return new Fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Fraction): Fraction {
    return new Fraction(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Fraction): Fraction {
    return new Fraction(this.num * other.num, this.den * other.den);
  }

  /** "7/12", or "2" when the denominator is 1; a negative sign is a plain hyphen-minus (an answer, not a prompt). */
  toString(): string {
    return this.den === 1 ? String(this.num) : `${this.num}/${this.den}`;
  }
}
