/** Strings of the result protocol in Kazakh, Russian and English (every key in all three). */
import type { Lang } from '../pages/html.ts';

export const PROTOCOL_STRINGS = {
  title: {
    kk: 'Дауыс беру нәтижелері туралы хаттама',
    ru: 'Протокол об итогах голосования',
    en: 'Protocol of the voting results',
  },
  akim: {
    kk: 'Ауылдық округ әкімін сайлау',
    ru: 'Выборы акима сельского округа',
    en: 'Election of the akim of the rural district',
  },
  referendum: { kk: 'Жергілікті референдум', ru: 'Местный референдум', en: 'Local referendum' },
  commission: {
    kk: 'Округтік сайлау комиссиясы',
    ru: 'Окружная избирательная комиссия',
    en: 'District election commission',
  },
  demo: { kk: 'ДЕМО: нағыз сайлау емес', ru: 'ДЕМО: не настоящие выборы', en: 'DEMO: not a real election' },
  summary: { kk: 'Жалпы мәліметтер', ru: 'Общие сведения', en: 'Summary' },
  district: { kk: 'Округ', ru: 'Округ', en: 'District' },
  electionDay: { kk: 'Сайлау күні', ru: 'День голосования', en: 'Election day' },
  electionId: { kk: 'Сайлау идентификаторы', ru: 'Идентификатор выборов', en: 'Election identifier' },
  closedAt: { kk: 'Дауыс беру аяқталды', ru: 'Голосование окончено', en: 'Voting closed' },
  roll: {
    kk: 'Тізімге енгізілген сайлаушылар',
    ru: 'Избирателей, включённых в список',
    en: 'Voters on the roll',
  },
  ballots: {
    kk: 'Тақтадағы бюллетеньдер (қайта дауыс беруді қоса)',
    ru: 'Бюллетеней на доске (включая переголосования)',
    en: 'Ballots on the board (including revotes)',
  },
  counted: {
    kk: 'Есептелген бюллетеньдер (әр сайлаушының соңғысы)',
    ru: 'Учтённых бюллетеней (последний бюллетень каждого избирателя)',
    en: "Ballots counted (each voter's last ballot)",
  },
  revotes: {
    kk: 'Кейінгі бюллетеньмен ауыстырылғандар',
    ru: 'Заменённых более поздним бюллетенем',
    en: 'Replaced by a later ballot',
  },
  turnout: { kk: 'Қатысу', ru: 'Явка', en: 'Turnout' },
  option: { kk: 'Нұсқа', ru: 'Вариант', en: 'Option' },
  votes: { kk: 'Дауыс', ru: 'Голосов', en: 'Votes' },
  percent: { kk: 'Есептелгендердің %', ru: '% от учтённых', en: '% of counted' },
  total: { kk: 'Барлығы', ru: 'Всего', en: 'Total' },
  outcome: { kk: 'Нәтиже', ru: 'Итог', en: 'Outcome' },
  elected: { kk: 'Сайланды', ru: 'Избран(а)', en: 'Elected' },
  byLot: {
    kk: 'тең дауыс, жеребе бойынша',
    ru: 'при равенстве голосов, по жребию',
    en: 'tied vote, decided by lot',
  },
  lotDraw: { kk: 'Жеребе (SHA-256)', ru: 'Жребий (SHA-256)', en: 'Lot draw (SHA-256)' },
  tied: { kk: 'Тең дауыс алғандар', ru: 'Равное число голосов', en: 'Tied' },
  'repeat.against-all': {
    kk: 'Қайта сайлау: «Барлығына қарсымын» әр кандидаттан көп дауыс алды',
    ru: 'Повторные выборы: «Против всех» получил больше голосов, чем каждый кандидат',
    en: 'Repeat election: "Against all" received more votes than every candidate',
  },
  'repeat.tie': {
    kk: 'Қайта сайлау: бірінші орынға тең дауыс',
    ru: 'Повторные выборы: равенство голосов за первое место',
    en: 'Repeat election: a tie for first place',
  },
  'repeat.no-votes': {
    kk: 'Қайта сайлау: кандидаттарға дауыс берілмеді',
    ru: 'Повторные выборы: за кандидатов не подано ни одного голоса',
    en: 'Repeat election: no vote was cast for any candidate',
  },
  adopted: { kk: 'Шешім қабылданды', ru: 'Решение принято', en: 'Adopted' },
  rejected: { kk: 'Шешім қабылданбады', ru: 'Решение не принято', en: 'Rejected' },
  trustees: {
    kk: 'Нәтижені ашқан сенім білдірілген тұлғалар',
    ru: 'Доверенные лица, расшифровавшие итоги',
    en: 'Trustees who decrypted the result',
  },
  verification: { kk: 'Тексеру', ru: 'Проверка', en: 'Verification' },
  verifyHow: {
    kk: 'Кез келген адам бюллетеньдер тақтасын жүктеп алып, осы нәтижені saylau-verify бағдарламасымен өзі тексере алады:',
    ru: 'Любой может скачать доску бюллетеней и сам проверить эти итоги программой saylau-verify:',
    en: 'Anyone can download the bulletin board and check this result independently with saylau-verify:',
  },
  resultEntry: { kk: 'Нәтиже жазбасы', ru: 'Запись итогов', en: 'Result entry' },
  boardHead: { kk: 'Тақтаның соңғы жазбасы', ru: 'Последняя запись доски', en: 'Latest board entry' },
  board: { kk: 'Бюллетеньдер тақтасы (JSONL)', ru: 'Доска бюллетеней (JSONL)', en: 'Bulletin board (JSONL)' },
  signatures: {
    kk: 'Комиссия мүшелерінің қолдары',
    ru: 'Подписи членов комиссии',
    en: 'Signatures of the commission members',
  },
  chair: { kk: 'Төраға', ru: 'Председатель', en: 'Chair' },
  deputy: { kk: 'Төрағаның орынбасары', ru: 'Заместитель председателя', en: 'Deputy chair' },
  secretary: { kk: 'Хатшы', ru: 'Секретарь', en: 'Secretary' },
  member: { kk: 'Комиссия мүшесі', ru: 'Член комиссии', en: 'Member of the commission' },
  signatureHint: { kk: '(аты-жөні, қолы)', ru: '(Ф. И. О., подпись)', en: '(name, signature)' },
} satisfies Record<string, Record<Lang, string>>;

export type ProtocolKey = keyof typeof PROTOCOL_STRINGS;
export const tr = (lang: Lang, key: ProtocolKey): string => PROTOCOL_STRINGS[key][lang];
