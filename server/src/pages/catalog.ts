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
  progress: { kk: 'Барысы мен нәтижесі', ru: 'Ход и итоги', en: 'Progress and result' },
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

/** Strings of the observer pages (/elections/:id, /elections/:id/live). */
export const OBSERVER_STRINGS = {
  overview: { kk: 'Сайлау барысы', ru: 'Ход выборов', en: 'Election progress' },
  back: { kk: 'Барлық сайлаулар', ru: 'Все выборы', en: 'All elections' },
  live: { kk: 'Тікелей тақта', ru: 'Доска в реальном времени', en: 'Live board' },
  booth: { kk: 'Дауыс беру', ru: 'Голосовать', en: 'Vote' },
  find: { kk: 'Бюллетенімді табу', ru: 'Найти мой бюллетень', en: 'Find my ballot' },
  calendar: { kk: 'Күнтізбе', ru: 'Календарь', en: 'Calendar' },
  'cal.nominationCloses': {
    kk: 'Кандидаттарды ұсыну аяқталады',
    ru: 'Выдвижение заканчивается',
    en: 'Nomination closes',
  },
  'cal.registrationCloses': {
    kk: 'Тіркеу аяқталады',
    ru: 'Регистрация заканчивается',
    en: 'Registration closes',
  },
  'cal.votingOpens': { kk: 'Дауыс беру басталады', ru: 'Голосование начинается', en: 'Voting opens' },
  'cal.votingCloses': { kk: 'Дауыс беру аяқталады', ru: 'Голосование заканчивается', en: 'Voting closes' },
  steps: { kk: 'Кезеңдер', ru: 'Этапы', en: 'Steps' },
  roll: { kk: 'Сайлаушылар тізімі', ru: 'Список избирателей', en: 'Voter roll' },
  voters: { kk: 'сайлаушы', ru: 'избирателей', en: 'voters' },
  notYet: { kk: 'әлі жоқ', ru: 'ещё нет', en: 'not yet' },
  ceremony: { kk: 'Кілттер рәсімі', ru: 'Церемония ключей', en: 'Key ceremony' },
  'phase.registration': {
    kk: 'сенімді тұлғаларды тіркеу',
    ru: 'регистрация доверенных лиц',
    en: 'trustees registering',
  },
  'phase.dealing': { kk: 'үлестер таратылуда', ru: 'раздача долей', en: 'dealing shares' },
  'phase.finished': { kk: 'ортақ кілт жарияланды', ru: 'общий ключ опубликован', en: 'joint key published' },
  trustees: { kk: 'сенімді тұлға', ru: 'доверенных лиц', en: 'trustees' },
  credentials: { kk: 'Тіркелгі деректер', ru: 'Учётные коды', en: 'Credentials' },
  published: { kk: 'жарияланды', ru: 'опубликованы', en: 'published' },
  ballots: { kk: 'Бюллетеньдер', ru: 'Бюллетени', en: 'Ballots' },
  candidates: { kk: 'Кандидаттар', ru: 'Кандидаты', en: 'Candidates' },
  noCandidates: {
    kk: 'Әзірге тіркелген кандидат жоқ.',
    ru: 'Пока нет зарегистрированных кандидатов.',
    en: 'No candidate registered yet.',
  },
  candidate: { kk: 'Кандидат', ru: 'Кандидат', en: 'Candidate' },
  route: { kk: 'Ұсыну жолы', ru: 'Способ выдвижения', en: 'Nominated by' },
  signatures: { kk: 'Қолдау қолдары', ru: 'Подписи в поддержку', en: 'Supporting signatures' },
  notRequired: { kk: 'талап етілмейді', ru: 'не требуются', en: 'not required' },
  of: { kk: 'қажетті', ru: 'из необходимых', en: 'of the required' },
  'route.public-association': {
    kk: 'Қоғамдық бірлестік',
    ru: 'Общественное объединение',
    en: 'Public association',
  },
  'route.citizen-assembly': { kk: 'Азаматтар жиналысы', ru: 'Собрание граждан', en: 'Citizens’ assembly' },
  'route.party': { kk: 'Саяси партия', ru: 'Политическая партия', en: 'Political party' },
  'route.self': { kk: 'Өзін-өзі ұсыну', ru: 'Самовыдвижение', en: 'Self-nomination' },
  perHour: { kk: 'Сағат сайынғы бюллетеньдер', ru: 'Бюллетени по часам', en: 'Ballots per hour' },
  perHourNote: {
    kk: 'Сайлаушы кірген сағат бойынша (бюллетень одан кейін 15 минут ішінде жіберіледі), Алматы уақыты.',
    ru: 'По часу входа избирателя (бюллетень отправляется в течение 15 минут после входа), время Алматы.',
    en: 'By the hour the voter signed in (the ballot is cast within 15 minutes of it), Almaty time.',
  },
  result: { kk: 'Нәтиже', ru: 'Итоги', en: 'Result' },
  verifyHow: {
    kk: 'Нәтижені қалай тексеруге болады',
    ru: 'Как проверить итоги',
    en: 'How to verify the result',
  },
  verify1: {
    kk: 'Тақтаны жүктеп алыңыз (JSON Lines, әр жолда бір жазба):',
    ru: 'Скачайте доску (JSON Lines, одна запись в строке):',
    en: 'Download the board (JSON Lines, one entry a line):',
  },
  verify2: {
    kk: 'Тексерушіні өз компьютеріңізде іске қосыңыз (Node.js 20, Saylau репозиторийі):',
    ru: 'Запустите проверяющую программу на своём компьютере (Node.js 20, репозиторий Saylau):',
    en: 'Run the verifier on your own computer (Node.js 20, the Saylau repository):',
  },
  verify3: {
    kk: 'Ол тізбекті, әр бюллетеньнің дәлелдерін, санауды және шифрды ашуды қайта есептейді; нәтиже осы беттегімен сәйкес келуі керек.',
    ru: 'Она пересчитывает цепочку, доказательства каждого бюллетеня, подсчёт и расшифровку; итог должен совпасть с показанным здесь.',
    en: 'It recomputes the chain, every ballot’s proofs, the tally and the decryption; its result must equal the one shown here.',
  },
  verify4: {
    kk: 'Дауыс беру кезінде оны бірнеше минут сайын іске қосыңыз: тақтаның тексерілген көшірмесі мен сервер қол қойған шыңдар сіздің файлыңызда сақталады, ал сервер жарияланғанды қайта жазса, файл өзгермейді — бұл дәлел:',
    ru: 'Во время голосования запускайте её каждые несколько минут: проверенная копия доски и подписанные сервером вершины хранятся в вашем файле, а если сервер перепишет опубликованное, файл не изменится — это доказательство:',
    en: 'During the vote, run it every few minutes: a verified copy of the board and the heads the server signed stay in your file, and if the server rewrites what it published, the file is left as it was — that is the evidence:',
  },
  head: { kk: 'Тақтаның соңғы жазбасы', ru: 'Последняя запись доски', en: 'Board head' },
  seq: { kk: '№', ru: '№', en: 'Seq' },
  type: { kk: 'Түрі', ru: 'Тип', en: 'Type' },
  hash: { kk: 'Хэш', ru: 'Хэш', en: 'Hash' },
  summary: { kk: 'Мазмұны', ru: 'Содержание', en: 'Summary' },
  liveNote: {
    kk: 'Жаңа жазбалар келген сайын пайда болады (әр 3 секунд сайын тексеріледі).',
    ru: 'Новые записи появляются по мере поступления (проверка каждые 3 секунды).',
    en: 'New entries appear as they arrive (checked every 3 seconds).',
  },
  liveCount: { kk: 'Тақтадағы жазбалар', ru: 'Записей на доске', en: 'Entries on the board' },
  counted: { kk: 'есептелді', ru: 'учтено', en: 'counted' },
  turnout: { kk: 'қатысу', ru: 'явка', en: 'turnout' },
  noElection: { kk: 'Мұндай сайлау жоқ.', ru: 'Таких выборов нет.', en: 'No such election.' },
  progress: { kk: 'Бет', ru: 'Страница', en: 'Page' },
} satisfies Record<string, Record<Lang, string>>;

export type ObserverKey = keyof typeof OBSERVER_STRINGS;
export const o = (lang: Lang, key: ObserverKey): string => OBSERVER_STRINGS[key][lang];
