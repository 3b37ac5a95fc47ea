/**
 * Kazakhstan IIN (individual identification number), as SPEC §10.3.2 (R8) checks it: 12 digits, YYMMDD, a
 * century/sex digit (1–2: 1800s, 3–4: 1900s, 5–6: 2000s; odd male, even female), a 4-digit serial
 * and a check digit: Σ dᵢ·wᵢ mod 11 with weights 1…11; if that is 10, weights 3…11,1,2; if 10 again
 * the IIN is invalid.
 */

export type IinError = 'format' | 'century' | 'date' | 'check-digit';

export interface Iin {
  iin: string;
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
}

export type IinResult = { ok: true; value: Iin } | { ok: false; error: IinError };

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of the first 11 digits, or null when no digit is valid (both sums give 10). */
export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((acc, x, i) => acc + x * w[i]!, 0) % 11;
  const c1 = sum(W1);
  if (c1 !== 10) return c1;
  const c2 = sum(W2);
  return c2 === 10 ? null : c2;
}

export function parseIin(input: unknown): IinResult {
  if (typeof input !== 'string' || !/^[0-9]{12}$/.test(input)) return { ok: false, error: 'format' };
  const centuryDigit = Number(input[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, error: 'century' };
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(input.slice(0, 2));
  const month = Number(input.slice(2, 4));
  const day = Number(input.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, error: 'date' };
  if (iinCheckDigit(input.slice(0, 11)) !== Number(input[11])) return { ok: false, error: 'check-digit' };
  const birthDate = `${year}-${input.slice(2, 4)}-${input.slice(4, 6)}`;
  return { ok: true, value: { iin: input, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' } };
}

/** Full years of age on `onDate` (YYYY-MM-DD); a person born on 29 February comes of age on 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
