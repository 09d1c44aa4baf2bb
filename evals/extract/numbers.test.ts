import { describe, expect, test } from 'vitest';
import { latexToText } from './latex';
import { findNumbers, parseWholeNumber } from './numbers';

/** [text as a model writes it, the numbers read from it (display form), or null for "not one number"]. */
const READINGS: [string, string[]][] = [
  ['42', ['42']],
  ['−7 and -7', ['-7', '-7']],
  ['1,234 and 1 234 and 1_234', ['1234', '1234', '1234']],
  ['1,2,3', ['1', '2', '3']],
  ['0.75, .5 and 42.0', ['0.75', '0.5', '42.0']],
  ['3/4 of 2 3/4', ['3/4', '2 3/4']],
  ['1.2e3, 1.2 × 10^3 and 10⁻³', ['1.2e3', '1.2e3', '1e-3']],
  ['75% or 75 percent', ['75%', '75%']],
  ['x2, H2O and v1.2.3', []],
  ['$1.5 million', ['1500000']],
  ['2½ cups', ['2 1/2']],
  ['12-13', ['12', '13']],
  ['5 - 12 = -7', ['5', '12', '-7']],
  ['123456789012345678901234567890', ['123456789012345678901234567890']],
];

describe('findNumbers', () => {
  test.for(READINGS)('%s', ([text, expected]) => {
    expect(findNumbers(text).map((token) => token.display)).toEqual(expected);
  });

  test('reads LaTeX after latexToText', () => {
    const read = (latex: string) => findNumbers(latexToText(latex)).map((token) => token.display);
    expect(read('\\dfrac{3}{4}')).toEqual(['3/4']);
    expect(read('2\\frac{1}{2}')).toEqual(['2 1/2']);
    expect(read('1.2\\times10^{-3}')).toEqual(['1.2e-3']);
    expect(read('$1{,}234$')).toEqual(['1234']);
    expect(read('12\\,500')).toEqual(['12500']);
    expect(read('75\\%')).toEqual(['75%']);
  });

  test('values are exact', () => {
    expect(findNumbers('0.1')[0]!.value.add(findNumbers('0.2')[0]!.value).equals(findNumbers('0.3')[0]!.value)).toBe(true);
    expect(findNumbers('1.2e3')[0]!.value.equals(1200)).toBe(true);
  });
});

describe('parseWholeNumber', () => {
  test.for([
    ['$12', '12'],
    ['12 apples', '12'],
    ['5 km/h', '5'],
    ['approximately 3.14', '3.14'],
    ['(-7)', '-7'],
    ['12°', '12'],
    ['17 × 23', null],
    ['12 or 13', null],
    ['x + 1', null],
  ] as const)('%s → %s', ([text, expected]) => {
    expect(parseWholeNumber(text)?.display ?? null).toBe(expected);
  });

  test('without units, words make it not a number', () => {
    expect(parseWholeNumber('12 apples', { allowUnits: false })).toBeNull();
    expect(parseWholeNumber('$12', { allowUnits: false })?.display).toBe('12');
  });
});
