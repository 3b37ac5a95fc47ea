/** Strings of the public pages in Kazakh, Russian and English. */
import type { Lang } from './html.ts';

export const INDEX_STRINGS = {
  title: { kk: 'Сайлау — сайлаулар', ru: 'Сайлау — выборы', en: 'Saylau — elections' },
  heading: {
    kk: 'Сайлаулар мен жергілікті референдумдар',
    ru: 'Выборы и местные референдумы',
    en: 'Elections and local referendums',
  },
  none: { kk: 'Әзірге сайлау жоқ.', ru: 'Пока нет выборов.', en: 'No elections yet.' },
  district: { kk: 'Округ', ru: 'Округ', en: 'District' },
  day: { kk: 'Сайлау күні', ru: 'День выборов', en: 'Election day' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  links: { kk: 'Сілтемелер', ru: 'Ссылки', en: 'Links' },
  board: { kk: 'Бюллетеньдер тақтасы (JSONL)', ru: 'Доска бюллетеней (JSONL)', en: 'Bulletin board (JSONL)' },
  result: { kk: 'Нәтиже хаттамасы', ru: 'Протокол итогов', en: 'Result protocol' },
  details: { kk: 'Сайлау деректері (JSON)', ru: 'Данные выборов (JSON)', en: 'Election data (JSON)' },
  demo: { kk: 'ДЕМО', ru: 'ДЕМО', en: 'DEMO' },
  referendum: { kk: 'референдум', ru: 'референдум', en: 'referendum' },
  verify: {
    kk: 'Кез келген бақылаушы тақтаны жүктеп алып, нәтижені өзі тексере алады.',
    ru: 'Любой наблюдатель может скачать доску и сам проверить итоги.',
    en: 'Any observer can download the board and check the result independently.',
  },
  'status.nominations': { kk: 'кандидаттарды ұсыну', ru: 'выдвижение кандидатов', en: 'nominations' },
  'status.ballot-fixed': { kk: 'бюллетень бекітілді', ru: 'бюллетень утверждён', en: 'ballot fixed' },
  'status.open': { kk: 'дауыс беру жүріп жатыр', ru: 'идёт голосование', en: 'voting open' },
  'status.closed': {
    kk: 'дауыс беру аяқталды, санау',
    ru: 'голосование окончено, подсчёт',
    en: 'voting closed, counting',
  },
  'status.finished': { kk: 'нәтиже жарияланды', ru: 'итоги опубликованы', en: 'result published' },
} satisfies Record<string, Record<Lang, string>>;

export type IndexKey = keyof typeof INDEX_STRINGS;
export const t = (lang: Lang, key: IndexKey): string => INDEX_STRINGS[key][lang];
