/**
 * Strings of the credential authority's page (/credentials/elections/:id, SPEC §10.15) in Kazakh,
 * Russian and English (protocol/src/catalog.ts), in the glossary's words (the voting code, the
 * voter roll). `{name}` marks a value the page fills in: a file name, a count, a command.
 */
import type { Lang } from '@saylau/protocol/lang';
import { defineCatalog, translator } from '@saylau/protocol/catalog';
import { REFUSALS, type RefusalKey } from '@saylau/protocol/refusals';
import { ADMIN_STRINGS } from './admin-catalog.ts';

const en = {
  title: 'Credential authority page',
  link: 'Make the voting codes in the browser (credential authority)',
  help: 'A voting code for each voter on the roll is made in this browser and stays in it: only the public list and who holds which key go to the server. Once the page is open, making the codes needs no network.',
  trust:
    "This page's code comes from the election server: whoever runs the server could serve code that sends the voting codes elsewhere. If you do not trust the server, make the codes on your own offline computer with the {command} command.",
  rollHeading: '1. Voter roll',
  loadRoll: 'Take the voter roll from the server',
  rollFile: 'Or open a voter roll file saved from this page',
  saveRoll: 'Save the voter roll as a file (to work offline)',
  rollLoaded: 'Voter roll: {count, plural, one {# voter} other {# voters}}.',
  makeHeading: '2. Voting codes and letters',
  make: 'Make the voting codes and letters',
  'progress.keys': 'Keys: {done} of {total}',
  'progress.letters': 'Letters: {done} of {total}',
  made: '{count, plural, one {# voting code} other {# voting codes}} made. Download the files, then publish the list.',
  fingerprint: 'Fingerprint of the public list',
  secret:
    'The letters and the table hold the voting codes: keep them offline and hand each letter to its voter only. Closing this page forgets the codes.',
  dlLetters: 'Letters to print ({file})',
  dlCodes: 'Table of the voting codes ({file})',
  dlPublic: 'Public list ({file})',
  dlOwners: 'Who holds which key, for the server only ({file})',
  publishHeading: '3. Publish',
  publishHelp:
    'Sends {publicFile} and {ownersFile} to the server, no voting code. Offline, publish later from this page or with {command}.',
  publish: 'Publish the public list',
  published: "Published: the server's fingerprint of the list is the same as this page's.",
  noRoll: 'Take the voter roll first.',
  signIn: 'Sign in',
  working: 'Working…',
};

export const CA_STRINGS = defineCatalog(en, {
  kk: {
    title: 'Кодтар уәкілінің беті',
    link: 'Дауыс беру кодтарын браузерде жасау (кодтар уәкілі)',
    help: 'Тізімдегі әр сайлаушыға дауыс беру коды осы браузерде жасалады және осында қалады: серверге тек жария тізім және кімге қай кілт берілгені жіберіледі. Бет ашылғаннан кейін кодтарды жасауға желі қажет емес.',
    trust:
      'Бұл беттің коды сайлау серверінен келеді: серверді басқаратын адам дауыс беру кодтарын басқа жаққа жіберетін кодты жібере алады. Серверге сенбесеңіз, кодтарды өз офлайн компьютеріңізде {command} командасымен жасаңыз.',
    rollHeading: '1. Сайлаушылар тізімі',
    loadRoll: 'Сайлаушылар тізімін серверден алу',
    rollFile: 'Немесе осы беттен сақталған сайлаушылар тізімінің файлын ашыңыз',
    saveRoll: 'Сайлаушылар тізімін файлға сақтау (желісіз жұмыс үшін)',
    rollLoaded: 'Сайлаушылар тізімі: {count, plural, one {# сайлаушы} other {# сайлаушы}}.',
    makeHeading: '2. Дауыс беру кодтары мен хаттар',
    make: 'Дауыс беру кодтары мен хаттарды жасау',
    'progress.keys': 'Кілттер: {total} ішінен {done}',
    'progress.letters': 'Хаттар: {total} ішінен {done}',
    made: '{count, plural, one {# дауыс беру коды} other {# дауыс беру коды}} жасалды. Файлдарды жүктеп алыңыз, содан кейін тізімді жариялаңыз.',
    fingerprint: 'Жария тізімнің саусақ ізі',
    secret:
      'Хаттар мен кесте дауыс беру кодтарын қамтиды: оларды желіден тыс сақтаңыз және әр хатты тек өз сайлаушысына беріңіз. Бет жабылғанда кодтар ұмытылады.',
    dlLetters: 'Басып шығаруға арналған хаттар ({file})',
    dlCodes: 'Дауыс беру кодтарының кестесі ({file})',
    dlPublic: 'Жария тізім ({file})',
    dlOwners: 'Кімге қай кілт берілгені, тек серверге ({file})',
    publishHeading: '3. Жариялау',
    publishHelp:
      'Серверге {publicFile} және {ownersFile} жіберіледі, дауыс беру коды жіберілмейді. Желі болмаса, кейін осы беттен немесе {command} арқылы жариялаңыз.',
    publish: 'Жария тізімді жариялау',
    published: 'Жарияланды: сервердегі тізімнің саусақ ізі осы беттікімен бірдей.',
    noRoll: 'Алдымен сайлаушылар тізімін алыңыз.',
    signIn: 'Кіру',
    working: 'Орындалуда…',
  },
  ru: {
    title: 'Страница уполномоченного по кодам',
    link: 'Создать коды для голосования в браузере (уполномоченный по кодам)',
    help: 'Код для голосования для каждого избирателя из списка создаётся в этом браузере и остаётся в нём: на сервер уходят только публичный список и то, кому какой ключ выдан. Когда страница открыта, для создания кодов сеть не нужна.',
    trust:
      'Код этой страницы приходит с сервера выборов: тот, кто управляет сервером, может подменить его кодом, который отправит коды для голосования в другое место. Если вы не доверяете серверу, создавайте коды на своём офлайн-компьютере командой {command}.',
    rollHeading: '1. Список избирателей',
    loadRoll: 'Получить список избирателей с сервера',
    rollFile: 'Или откройте файл списка избирателей, сохранённый с этой страницы',
    saveRoll: 'Сохранить список избирателей в файл (для работы без сети)',
    rollLoaded:
      'Список избирателей: {count, plural, one {# избиратель} few {# избирателя} many {# избирателей} other {# избирателя}}.',
    makeHeading: '2. Коды для голосования и письма',
    make: 'Создать коды для голосования и письма',
    'progress.keys': 'Ключи: {done} из {total}',
    'progress.letters': 'Письма: {done} из {total}',
    made: 'Создано {count, plural, one {# код для голосования} few {# кода для голосования} many {# кодов для голосования} other {# кода для голосования}}. Скачайте файлы, затем опубликуйте список.',
    fingerprint: 'Отпечаток публичного списка',
    secret:
      'Письма и таблица содержат коды для голосования: храните их вне сети и передавайте каждое письмо только его избирателю. Если закрыть страницу, коды будут забыты.',
    dlLetters: 'Письма для печати ({file})',
    dlCodes: 'Таблица кодов для голосования ({file})',
    dlPublic: 'Публичный список ({file})',
    dlOwners: 'Кому какой ключ выдан, только для сервера ({file})',
    publishHeading: '3. Публикация',
    publishHelp:
      'На сервер уходят {publicFile} и {ownersFile}, ни одного кода для голосования. Без сети опубликуйте позже с этой страницы или командой {command}.',
    publish: 'Опубликовать публичный список',
    published: 'Опубликовано: отпечаток списка на сервере совпадает с отпечатком этой страницы.',
    noRoll: 'Сначала получите список избирателей.',
    signIn: 'Войти',
    working: 'Выполняется…',
  },
});

export type CaKey = keyof typeof en;

/** A server-rendered string of the page. */
export const ca = translator(CA_STRINGS);

/** What the page's script reads (body's data-strings): its strings, the role names and the refusals. */
export function caClientStrings(lang: Lang): Record<string, string> {
  const roles = Object.entries(ADMIN_STRINGS[lang]).filter(([k]) => k.startsWith('role.'));
  return { ...CA_STRINGS[lang], ...Object.fromEntries(roles), ...REFUSALS[lang] } satisfies Partial<
    Record<CaKey | RefusalKey, string>
  >;
}
