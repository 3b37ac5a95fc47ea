/**
 * The verifier page's own words (SPEC §11.5) in Kazakh, Russian and English. The checks' titles,
 * the failures, the statuses, the receipts' statuses, the result and the verdicts are the verifier's
 * catalog (../catalog.ts, `message`): this one has only what the page adds around them — its
 * inputs, progress and errors. Counts stand after a colon ("Файлов: 3") so that no language needs
 * plural forms.
 */
import type { Lang } from '@saylau/protocol/lang';
import { defineCatalog, translate, type Params } from '@saylau/protocol/catalog';

const en = {
  title: 'Saylau verifier',
  intro:
    'Check a whole election from its public bulletin board: every numbered check of the specification (SPEC §11), with the code of the saylau-verify command, here in this browser. Files you open here are not sent anywhere, and the page works offline once saved.',
  langLabel: 'Language',
  noscript:
    'The verifier page needs JavaScript. Turn it on in the browser’s settings, or use another browser.',

  'board.heading': 'The board',
  'board.file': 'The board export (board.jsonl): choose the file or drop it here',
  'board.or': 'or give the address of a server’s board:',
  'board.url': 'Address of the board',
  'board.urlHint': 'for example https://HOST/api/elections/ID/board',
  'signed.heading': 'Receipts and signed heads (optional)',
  'signed.file':
    'Your cast receipt (saylau-receipt-….json) or the server’s signed heads (JSON): choose files or drop them here',
  'since.heading': 'An earlier export of the same board (optional)',
  'since.file': 'An earlier board.jsonl that this board must extend entry for entry (check 2.6)',
  chosen: 'Chosen: {name}',
  chosenCount: 'Files chosen: {count}',
  clear: 'Remove',
  verify: 'Verify',

  'progress.label': 'Progress of the verification',
  'progress.fetching': 'Fetching {source}…',
  'progress.reading': 'Reading the files…',
  'progress.setup': 'Checking the chain, the setup and the key ceremony…',
  'progress.ballots': 'Ballots checked: {done} of {total}',
  'progress.tally': 'Checking the tally, the decryptions and the result…',
  done: 'Verified in {seconds} s on this device.',

  'report.heading': 'Report',
  'report.akim': 'Election of the akim',
  'report.checks': 'The checks (SPEC §11)',
  'report.receipts': 'Your receipts',
  'report.result': 'Verified result',
  'report.option': 'Option',
  'report.votes': 'Votes',
  'report.share': 'Share',
  'report.head':
    'The server’s signed head (entry {seq}) was fetched first and checked with this board (2.4).',
  'note.noSince': 'no earlier export was given',
  'note.noCheckpoint': 'no receipt or signed head was given',

  'err.noBoard': 'Choose a board file or give the address of a board first.',
  'err.badUrl': '“{url}” is not an http:// or https:// address.',
  'err.status': 'the server answered {status}',
  'err.network':
    'no answer: the device is offline, the address is wrong, or the server does not let this page read it',
  'err.timeout': 'no answer within {seconds} s',
  'err.file': 'the file {name} cannot be read',
  'err.signed':
    '{name}: not a signed head or receipt (JSON {checkpoint|receipt, signature}, or a list of them)',
  'err.workers': 'This browser cannot run the verification in the background (Web Workers): {detail}',
  'err.stopped': 'The verification stopped: {detail}',

  'trust.heading': 'Can this page be trusted?',
  'trust.text':
    'This page is one file. The server publishes its SHA-256 at /api/verifier, and building the same source commit (npm run build) gives the same file: compare “sha256sum saylau-verify.html” with both. The command-line verifier (npx saylau-verify) checks the same board with the same code.',
  download: 'Download this page as one file (saylau-verify.html) to verify offline',
};

export type PageKey = keyof typeof en;

const ru: Record<PageKey, string> = {
  title: 'Проверка выборов Saylau',
  intro:
    'Проверьте все выборы по публичной доске объявлений: каждую пронумерованную проверку спецификации (SPEC §11) тем же кодом, что и команда saylau-verify, — здесь, в этом браузере. Открытые здесь файлы никуда не отправляются; сохранённая страница работает и без сети.',
  langLabel: 'Язык',
  noscript:
    'Странице проверки нужен JavaScript. Включите его в настройках браузера или откройте другой браузер.',

  'board.heading': 'Доска',
  'board.file': 'Выгрузка доски (board.jsonl): выберите файл или перетащите его сюда',
  'board.or': 'или укажите адрес доски на сервере:',
  'board.url': 'Адрес доски',
  'board.urlHint': 'например, https://HOST/api/elections/ID/board',
  'signed.heading': 'Квитанции и подписанные вершины (необязательно)',
  'signed.file':
    'Ваша квитанция о голосовании (saylau-receipt-….json) или подписанные сервером вершины доски (JSON): выберите файлы или перетащите их сюда',
  'since.heading': 'Прежняя выгрузка той же доски (необязательно)',
  'since.file': 'Прежний board.jsonl, который эта доска должна продолжать запись в запись (проверка 2.6)',
  chosen: 'Выбран файл: {name}',
  chosenCount: 'Выбрано файлов: {count}',
  clear: 'Убрать',
  verify: 'Проверить',

  'progress.label': 'Ход проверки',
  'progress.fetching': 'Загрузка {source}…',
  'progress.reading': 'Чтение файлов…',
  'progress.setup': 'Проверка цепочки, подготовки выборов и генерации ключа…',
  'progress.ballots': 'Проверено бюллетеней: {done} из {total}',
  'progress.tally': 'Проверка итога, расшифровок и результата…',
  done: 'Проверено на этом устройстве за {seconds} с.',

  'report.heading': 'Отчёт',
  'report.akim': 'Выборы акима',
  'report.checks': 'Проверки (SPEC §11)',
  'report.receipts': 'Ваши квитанции',
  'report.result': 'Проверенный результат',
  'report.option': 'Вариант',
  'report.votes': 'Голоса',
  'report.share': 'Доля',
  'report.head':
    'Подписанная сервером вершина доски (запись {seq}) загружена первой и сверена с этой доской (2.4).',
  'note.noSince': 'прежняя выгрузка не дана',
  'note.noCheckpoint': 'квитанции и подписанные вершины не даны',

  'err.noBoard': 'Сначала выберите файл доски или укажите адрес доски.',
  'err.badUrl': '«{url}» — не адрес http:// или https://.',
  'err.status': 'сервер ответил {status}',
  'err.network':
    'нет ответа: устройство не в сети, адрес неверен или сервер не разрешает этой странице его читать',
  'err.timeout': 'нет ответа за {seconds} с',
  'err.file': 'не удалось прочитать файл {name}',
  'err.signed':
    '{name}: это не подписанная вершина и не квитанция (JSON {checkpoint|receipt, signature} или их список)',
  'err.workers': 'Этот браузер не может вести проверку в фоновых потоках: {detail}',
  'err.stopped': 'Проверка прервалась: {detail}',

  'trust.heading': 'Можно ли доверять этой странице?',
  'trust.text':
    'Эта страница — один файл. Сервер публикует его SHA-256 по адресу /api/verifier, а сборка той же версии исходного кода (npm run build) даёт тот же файл: сравните «sha256sum saylau-verify.html» с обоими значениями. Консольная программа проверки (npx saylau-verify) проверяет ту же доску тем же кодом.',
  download: 'Скачать эту страницу одним файлом (saylau-verify.html), чтобы проверять без сети',
};

const kk: Record<PageKey, string> = {
  title: 'Saylau сайлауын тексеру',
  intro:
    'Сайлауды толығымен жария тақтасы бойынша тексеріңіз: спецификацияның (SPEC §11) әрбір нөмірленген тексеруі saylau-verify командасының кодымен осы браузерде орындалады. Мұнда ашылған файлдар ешқайда жіберілмейді; сақталған бет желісіз де жұмыс істейді.',
  langLabel: 'Тіл',
  noscript:
    'Тексеру бетіне JavaScript қажет. Оны браузер баптауларында қосыңыз немесе басқа браузерді ашыңыз.',

  'board.heading': 'Тақта',
  'board.file': 'Тақта экспорты (board.jsonl): файлды таңдаңыз немесе осында сүйреп әкеліңіз',
  'board.or': 'немесе сервердегі тақтаның мекенжайын көрсетіңіз:',
  'board.url': 'Тақтаның мекенжайы',
  'board.urlHint': 'мысалы, https://HOST/api/elections/ID/board',
  'signed.heading': 'Түбіртектер мен қол қойылған шыңдар (міндетті емес)',
  'signed.file':
    'Дауыс берген кезде алған түбіртегіңіз (saylau-receipt-….json) немесе сервер қол қойған тақта шыңдары (JSON): файлдарды таңдаңыз немесе осында сүйреп әкеліңіз',
  'since.heading': 'Сол тақтаның бұрынғы экспорты (міндетті емес)',
  'since.file': 'Бұл тақта жазбама-жазба жалғастыруға тиіс бұрынғы board.jsonl (2.6 тексеруі)',
  chosen: 'Таңдалған файл: {name}',
  chosenCount: 'Таңдалған файлдар саны: {count}',
  clear: 'Алып тастау',
  verify: 'Тексеру',

  'progress.label': 'Тексерудің барысы',
  'progress.fetching': '{source} жүктелуде…',
  'progress.reading': 'Файлдар оқылуда…',
  'progress.setup': 'Тізбек, сайлауды дайындау және кілт рәсімі тексерілуде…',
  'progress.ballots': 'Тексерілген бюллетеньдер: {total} ішінен {done}',
  'progress.tally': 'Қорытынды, шифрды ашу және нәтиже тексерілуде…',
  done: 'Осы құрылғыда {seconds} с ішінде тексерілді.',

  'report.heading': 'Есеп',
  'report.akim': 'Әкім сайлауы',
  'report.checks': 'Тексерулер (SPEC §11)',
  'report.receipts': 'Сіздің түбіртектеріңіз',
  'report.result': 'Тексерілген нәтиже',
  'report.option': 'Нұсқа',
  'report.votes': 'Дауыстар',
  'report.share': 'Үлесі',
  'report.head':
    'Сервер қол қойған тақта шыңы ({seq}-жазба) алдымен жүктеліп, осы тақтамен салыстырылды (2.4).',
  'note.noSince': 'бұрынғы экспорт берілмеген',
  'note.noCheckpoint': 'түбіртек те, қол қойылған шың да берілмеген',

  'err.noBoard': 'Алдымен тақта файлын таңдаңыз немесе тақтаның мекенжайын көрсетіңіз.',
  'err.badUrl': '«{url}» — http:// не https:// мекенжайы емес.',
  'err.status': 'сервер {status} кодымен жауап берді',
  'err.network':
    'жауап жоқ: құрылғы желіге қосылмаған, мекенжай қате немесе сервер бұл беттің оны оқуына рұқсат бермейді',
  'err.timeout': '{seconds} с ішінде жауап болмады',
  'err.file': '{name} файлы оқылмады',
  'err.signed':
    '{name}: бұл қол қойылған шың да, түбіртек те емес (JSON {checkpoint|receipt, signature} немесе олардың тізімі)',
  'err.workers': 'Бұл браузер тексеруді фондық ағындарда жүргізе алмайды: {detail}',
  'err.stopped': 'Тексеру тоқтап қалды: {detail}',

  'trust.heading': 'Бұл бетке сенуге бола ма?',
  'trust.text':
    'Бұл бет — бір файл. Сервер оның SHA-256 мәнін /api/verifier мекенжайында жариялайды, ал бастапқы кодтың сол нұсқасын құрастыру (npm run build) дәл сол файлды береді: «sha256sum saylau-verify.html» нәтижесін екеуімен де салыстырыңыз. Командалық жолдағы тексеруші (npx saylau-verify) сол тақтаны сол кодпен тексереді.',
  download: 'Желісіз тексеру үшін осы бетті бір файл ретінде (saylau-verify.html) жүктеп алу',
};

export const PAGE_CATALOGS = defineCatalog(en, { kk, ru });

/** The page's text `key` in `lang`, with `{name}` replaced by `params.name`. */
export function pageText(lang: Lang, key: PageKey, params: Params = {}): string {
  return translate(PAGE_CATALOGS, lang, key, params);
}
