/**
 * Synthetic voters for demos, tests and benchmarks: valid IINs (real dates, check digit), names from
 * a small list. Deterministic for a given seed, so a demo roll is reproducible. Never real people.
 */
import type { ServerContext } from '../context.ts';
import { bytesToHex } from '@saylau/crypto';
import { iinCheckDigit } from './iin.ts';
import { newSalt, rollEntry } from './commitment.ts';

export interface SyntheticVoter {
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  settlement: string;
  address: string;
}

const SURNAMES = [
  'Ахметов',
  'Бекова',
  'Жұмабаев',
  'Қасымова',
  'Нұрланов',
  'Оспанова',
  'Сәрсенов',
  'Төлеуова',
  'Иванов',
  'Ким',
];
const GIVEN = ['Айгүл', 'Бауыржан', 'Гүлнар', 'Дәурен', 'Ержан', 'Жанар', 'Нұрлан', 'Сәуле', 'Тимур', 'Әсел'];
const PATRONYMIC = ['Серікұлы', 'Болатқызы', 'Маратұлы', 'Ерланқызы', 'Иванович', ''];
const SETTLEMENTS = ['Ақсу', 'Жаңаауыл', 'Көктөбе'];

/** A small deterministic PRNG (mulberry32): reproducible demo data, not for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid IIN for a birth date, sex and serial (retrying serials whose check digit does not exist). */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const century = y < 1900 ? 1 : y < 2000 ? 3 : 5;
  const c = century + (sex === 'female' ? 1 : 0);
  for (let s = serial; ; s++) {
    const first11 = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${c}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

/** `n` distinct voters aged 18–90 on `electionDay`. */
export function syntheticVoters(n: number, electionDay: string, seed = 1): SyntheticVoter[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const day = Date.parse(`${electionDay}T00:00:00Z`);
  const seen = new Set<string>();
  const out: SyntheticVoter[] = [];
  for (let i = 0; out.length < n; i++) {
    const ageDays = Math.floor((18.1 + rnd() * 72) * 365.25);
    const birth = new Date(day - ageDays * 86_400_000).toISOString().slice(0, 10);
    const iin = makeIin(birth, rnd() < 0.5 ? 'male' : 'female', Math.floor(rnd() * 9000) + i);
    if (seen.has(iin)) continue;
    seen.add(iin);
    out.push({
      iin,
      surname: pick(SURNAMES),
      givenName: pick(GIVEN),
      patronymic: pick(PATRONYMIC),
      settlement: pick(SETTLEMENTS),
      address: `${pick(['Абай', 'Бейбітшілік', 'Орталық'])} көшесі, ${1 + Math.floor(rnd() * 120)}`,
    });
  }
  return out;
}

/** The roll as CSV, semicolon-separated with a BOM, as Excel in a Russian locale writes it. */
export function rollCsv(voters: readonly SyntheticVoter[], sep: ',' | ';' = ';', bom = true): string {
  const q = (s: string) => (/[";,\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [['ИИН', 'Фамилия', 'Имя', 'Отчество', 'Населённый пункт', 'Адрес'].join(sep)];
  for (const v of voters)
    lines.push([v.iin, v.surname, v.givenName, v.patronymic, v.settlement, v.address].map(q).join(sep));
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

/**
 * The rows, the `rolls` row and the `roll` entry that accepting a roll writes (SPEC §10.3), for
 * tests and benchmarks that start from an accepted roll without its import. Runs in the caller's
 * transaction, or its own.
 */
export function writeSyntheticRoll(
  ctx: Pick<ServerContext, 'db' | 'board'>,
  election: string,
  voters: readonly SyntheticVoter[],
  commitment = 'f'.repeat(64),
): void {
  const salt = newSalt();
  const at = new Date().toISOString();
  const ins = ctx.db.prepare(
    `INSERT INTO voters (election, iin, surname, given_name, patronymic, settlement, address, birth_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, '1980-01-01')`,
  );
  ctx.db.transaction(() => {
    for (const v of voters)
      ins.run(election, v.iin, v.surname, v.givenName, v.patronymic, v.settlement, v.address);
    // A roll row with its salt, as acceptance writes, so that tags and proofs work (§10.3.4).
    const imp = ctx.db
      .prepare(
        "INSERT INTO roll_imports (election, created_at, valid, rejected, state, decided_at) VALUES (?, ?, '[]', '[]', 'accepted', ?)",
      )
      .run(election, at, at);
    ctx.db
      .prepare(
        'INSERT INTO rolls (election, import, count, commitment, salt, accepted_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(election, Number(imp.lastInsertRowid), voters.length, commitment, bytesToHex(salt), at);
    ctx.board.append(election, 'roll', rollEntry(salt, voters, commitment));
  })();
}
