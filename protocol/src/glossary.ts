/**
 * The election's words: one name per thing in each language, for every screen, letter, report and
 * message (SPEC §10). A catalog text that names one of these things uses its name here; `avoid`
 * lists the other spellings that crept in before, and `glossaryProblems` (run on every catalog by
 * the tests) finds them. Kazakh and Russian inflect, so names and spellings to avoid are matched
 * as word beginnings, case-insensitively: «дауыс беру кодын» is the name «дауыс беру коды» inflected.
 */
import type { Lang } from './lang.ts';

export interface Term {
  /** The name in each language, as it stands alone (a heading, a column). */
  readonly name: Readonly<Record<Lang, string>>;
  /** Other spellings of the same thing, not to be used, per language. */
  readonly avoid: Readonly<Partial<Record<Lang, readonly string[]>>>;
}

export const GLOSSARY = {
  /** The voter's secret code from the invitation letter (SPEC §7.1) and its public key on the board. */
  votingCode: {
    name: { kk: 'дауыс беру коды', ru: 'код для голосования', en: 'voting code' },
    avoid: {
      kk: ['сайлаушы код', 'тіркелгі дерек'],
      ru: [
        'код избирателя',
        'кода избирателя',
        'коду избирателя',
        'кодом избирателя',
        'учётные данн',
        'учетные данн',
        'учётных данн',
        'учетных данн',
      ],
      en: ['credential code'],
    },
  },
  /** The code that signs a voter in (SPEC §10.9.1); reusable, unlike what it was once called. */
  loginCode: {
    name: { kk: 'кіру коды', ru: 'код входа', en: 'login code' },
    avoid: {
      kk: ['бір реттік код'],
      ru: ['одноразовый код', 'одноразового кода'],
      en: ['one-time code', 'one-time login'],
    },
  },
  /** The last choice on an akim ballot (SPEC §10.4). */
  againstAll: {
    name: { kk: 'Барлығына қарсымын', ru: 'Против всех', en: 'Against all' },
    avoid: { kk: ['Бәріне қарсы'], ru: ['Против всехъ'], en: ['None of the above'] },
  },
  /** The third choice of a referendum question, under a profile that allows it (SPEC §10.2). */
  abstain: {
    name: { kk: 'Қалыс қаламын', ru: 'Воздерживаюсь', en: 'Abstain' },
    avoid: { kk: ['Қалыс қалу'], ru: ['Воздержался'], en: ['Abstention'] },
  },
  /** Counted ballots over the roll (SPEC §10.12). */
  turnout: {
    name: { kk: 'қатысу', ru: 'явка', en: 'turnout' },
    avoid: { kk: ['белсенділік'], ru: ['посещаемост'], en: ['attendance rate'] },
  },
  /** A SHA-256 digest (SPEC §3). */
  hash: {
    name: { kk: 'хеш', ru: 'хеш', en: 'hash' },
    avoid: { kk: ['хэш'], ru: ['хэш'], en: ['digest'] },
  },
  /** The public, append-only bulletin board (SPEC §9). */
  board: {
    name: { kk: 'тақта', ru: 'доска', en: 'board' },
    avoid: { kk: ['хабарландыру тақта'], ru: ['доска объявлений', 'бюллетень-доск'], en: ['bulletin-board'] },
  },
  /** The short hash a voter finds their ballot by (SPEC §8.4). */
  tracker: {
    name: { kk: 'трекер', ru: 'трекер', en: 'tracker' },
    avoid: {
      kk: ['бақылау коды'],
      ru: ['код отслеживания', 'отслеживающий код'],
      en: ['tracking code', 'smart ballot tracker'],
    },
  },
  /** What the server signs for a cast ballot (SPEC §10.9.2). */
  receipt: {
    name: { kk: 'түбіртек', ru: 'квитанция', en: 'receipt' },
    avoid: { kk: ['квитанция'], ru: ['чек '], en: ['voucher'] },
  },
  /** A trustee of the key ceremony (SPEC §6). */
  trustee: {
    name: { kk: 'сенімді тұлға', ru: 'доверенное лицо', en: 'trustee' },
    avoid: { kk: ['сенім білдірілген'], ru: ['попечител', 'хранител'], en: ['guardian'] },
  },
  /** The voter roll (SPEC §10.3). */
  roll: {
    name: { kk: 'сайлаушылар тізімі', ru: 'список избирателей', en: 'voter roll' },
    avoid: { kk: ['сайлаушы тізімі'], ru: ['реестр избирателей'], en: ['voter list', 'electoral roll'] },
  },
  /** The individual identification number on the roll. */
  iin: {
    name: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
    avoid: { kk: ['IIN', 'ИИН'], ru: ['IIN', 'ЖСН'] },
  },
  /** The district (or village, town) election commission. */
  commission: {
    name: { kk: 'сайлау комиссиясы', ru: 'избирательная комиссия', en: 'election commission' },
    avoid: { kk: ['сайлаукомы'], ru: ['избиратком', 'избирком'], en: ['electoral commission'] },
  },
  /** The server's signed board head a voter or observer keeps (SPEC §9.4). */
  signedHead: {
    name: { kk: 'қол қойылған шың', ru: 'подписанная вершина', en: 'signed head' },
    avoid: {
      kk: ['бақылау нүкте'],
      ru: ['контрольная точка', 'контрольной точк', 'контрольные точк'],
      en: [],
    },
  },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof GLOSSARY;

/** The name of `term` in `lang`. */
export const term = (key: TermKey, lang: Lang): string => GLOSSARY[key].name[lang];

/** A spelling matches at the start of a word (so inflected forms match), whatever the case. */
function wordStartIndex(text: string, spelling: string): number {
  const hay = text.toLocaleLowerCase();
  const needle = spelling.toLocaleLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at === 0 ? '' : hay[at - 1]!;
    if (!/[\p{L}\p{N}]/u.test(before)) return at;
  }
  return -1;
}

/**
 * Every text of a catalog that uses another spelling of a glossary term: `lang: key: «spelling»
 * (say «name»)`. Empty when the catalog speaks the glossary's words.
 */
export function glossaryProblems(catalog: Partial<Record<Lang, Readonly<Record<string, string>>>>): string[] {
  const out: string[] = [];
  for (const [lang, texts] of Object.entries(catalog) as [Lang, Readonly<Record<string, string>>][]) {
    for (const [key, text] of Object.entries(texts)) {
      for (const t of Object.values(GLOSSARY) as Term[]) {
        for (const spelling of t.avoid[lang] ?? []) {
          if (wordStartIndex(text, spelling) >= 0)
            out.push(`${lang}: ${key}: «${spelling}» (say «${t.name[lang]}»)`);
        }
      }
    }
  }
  return out;
}
