const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

/**
 * A random synthetic fødselsnummer (month + 80, as in the synthetic population register), so no
 * real person can have it. Used only when the fixed test number is already taken by an earlier run
 * against the same database.
 */
export function syntheticFnr(random: () => number = Math.random): string {
  for (;;) {
    const day = 1 + Math.floor(random() * 28);
    const month = 81 + Math.floor(random() * 12);
    const year = Math.floor(random() * 100);
    const individual = Math.floor(random() * 500); // 000–499: born 1900–1999
    const first9 = [day, month, year]
      .map((n) => String(n).padStart(2, '0'))
      .join('')
      .concat(String(individual).padStart(3, '0'))
      .split('')
      .map(Number);
    const k1 = checkDigit(first9, WEIGHTS_1);
    if (k1 === null) continue;
    const k2 = checkDigit([...first9, k1], WEIGHTS_2);
    if (k2 === null) continue;
    return [...first9, k1, k2].join('');
  }
}
