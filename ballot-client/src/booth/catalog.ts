/**
 * Every string the booth shows, in Kazakh (the default), Russian and English. Names of candidates,
 * routes and the district come from the board in all three languages; nothing else is hard-coded.
 * `{name}` marks a value filled in at run time (protocol/src/catalog.ts).
 */
import { defineCatalog } from '@saylau/protocol/catalog';

const en = {
  'app.title': 'Saylau — voting booth',
  'app.checkTitle': 'Saylau — check an audited ballot',
  'app.findTitle': 'Saylau — find my ballot',
  'app.loading': 'Loading…',
  'app.noscript':
    'The voting booth needs JavaScript. Turn it on in your browser’s settings, or use another browser.',
  'app.demo': 'DEMO election: not a real vote',
  'lang.label': 'Language',
  'nav.label': 'Booth pages',
  'nav.booth': 'Vote',
  'nav.check': 'Check an audited ballot',
  'nav.find': 'Find my ballot',
  'footer.observers': 'For observers',
  'footer.code': 'Booth code fingerprint (SHA-256):',
  'footer.codeHint': 'Observers publish the fingerprint of the booth code; it must be the same.',
  'footer.manifestSame': 'It is the fingerprint published in this election’s manifest.',
  'footer.manifestDiffers':
    'Warning: this is not the fingerprint published in this election’s manifest ({hash}). Tell the election commission and the observers.',
  'step.of': 'Step {n} of {total}',
  'common.district': 'District',
  'common.day': 'Election day',
  'common.hours': 'Voting hours',
  'common.closes': 'Voting closes on {day} at {time}, Astana time (UTC+5).',
  'common.continue': 'Continue',
  'common.back': 'Back',
  'common.tryAgain': 'Try again',
  'common.error': 'Error',

  'closed.heading': 'Voting is not open',
  'closed.notYet': 'Voting has not started yet. Come back during voting hours.',
  'closed.over': 'Voting is over. You can still find your ballot on the board with its tracker.',

  'signin.resumed':
    'The page was reloaded. Your codes and choices are never stored on this device, so sign in and enter your voting code again.',
  'signin.attemptsLeft': 'Attempts left before this IIN is locked: {n}.',
  'signin.heading': 'Sign in',
  'signin.intro':
    'Enter your IIN and the login code from the letter that the election commission mailed you.',
  'signin.iin': 'IIN (12 digits)',
  'signin.iinHint': 'Your individual identification number, printed on your ID card.',
  'signin.code': 'Login code',
  'signin.codeHint': '10 letters and digits, for example 7K2QX-M9D4P.',
  'signin.submit': 'Sign in',
  'signin.busy': 'Signing in…',
  'signin.iinInvalid': 'The IIN has exactly 12 digits.',
  'signin.codeEmpty': 'Enter the login code from your letter.',

  'cred.heading': 'Your voting code',
  'cred.intro':
    'Type the secret voting code from your invitation letter: 18 characters in groups of four. Capital and small letters are different.',
  'cred.label': 'Voting code',
  'cred.hint': 'For example 7dKq-9XmP-bR3s-TuVw-qs',
  'cred.private': 'Never show this code to anyone. Nobody from the commission will ever ask you for it.',
  'cred.ok': 'The code is complete and its check characters match.',
  'cred.count': '{n} of 18 characters typed.',
  'cred.badChar':
    'Character {n} ({char}) is never used in codes: there is no 0 (zero), O, I or l (small L). Check this character on your letter.',
  'cred.tooLong': 'Too many characters: a code has 18.',
  'cred.tooShort': 'The code is too short: it has 18 characters.',
  'cred.checksum':
    'The check characters do not match: there is a typing error. Compare the code with your letter character by character; capital and small letters are different.',
  'cred.scan': 'Scan the QR code with the camera',
  'cred.scanStop': 'Stop scanning',
  'cred.scanHint': 'Point the camera at the QR code on your letter.',
  'cred.scanVideo': 'Camera picture',
  'cred.scanFailed': 'The camera could not be used. Type the code instead.',
  'cred.scanRead': 'The code was read from the QR code.',

  'ballot.heading': 'Ballot',
  'ballot.legendCandidates': 'Choose one candidate, or “against all”',
  'ballot.one': 'Mark exactly one option.',
  'ballot.route.public-association': 'Nominated by: {name}',
  'ballot.route.citizen-assembly': 'Nominated by a citizens’ assembly: {place}, {date}',
  'ballot.route.party': 'Nominated by: {name}',
  'ballot.route.self': 'Self-nominated',
  'ballot.againstAllHint': 'A vote against every candidate. It is counted and published.',
  'ballot.none': 'Choose one option to continue.',

  'review.heading': 'Check your choice',
  'review.chosen': 'Your choice',
  'review.note':
    'Your ballot is encrypted on this phone. The server and the commission never see your choice; only the total is decrypted.',
  'review.change': 'Change my choice',
  'review.encrypt': 'Encrypt my ballot',

  'enc.heading': 'Encrypting your ballot',
  'enc.stage.params': 'Reading the election key',
  'enc.stage.keys': 'Preparing your credential key',
  'enc.stage.encrypt': 'Encrypting and proving the ballot',
  'enc.stage.done': 'Done',
  'enc.progress': 'Encryption progress',

  'cast.heading': 'Your encrypted ballot is ready',
  'cast.tracker': 'Tracker of this ballot',
  'cast.trackerHint': 'After casting you can find your ballot on the public board with this tracker.',
  'cast.cast': 'Cast my ballot',
  'cast.busy': 'Sending your ballot…',
  'cast.auditTitle': 'Do you want to check the encryption first? (optional)',
  'cast.auditHint':
    'Auditing reveals how this ballot was encrypted, so that any device can check that it holds your choice. An audited ballot is never cast: the booth then encrypts your choice afresh and you cast the new one.',
  'cast.audit': 'Audit this ballot',

  'audit.heading': 'Audited ballot',
  'audit.intro':
    'This ballot is spoiled: it shows your choice and will never be cast. Check it on any device, then encrypt again and cast.',
  'audit.tracker': 'Tracker of the audited ballot (it must never appear on the board)',
  'audit.data': 'Audit data (the encrypted ballot, your choice and its randomness)',
  'audit.download': 'Download the audit file',
  'audit.copy': 'Copy the audit data',
  'audit.copied': 'Copied.',
  'audit.checkHere': 'Check it here in a new tab',
  'audit.checkOther': 'On another device, open this address and paste the data or open the file:',
  'audit.again': 'Encrypt again and continue',

  'receipt.heading': 'Your ballot is cast',
  'receipt.tracker': 'Your ballot tracker',
  'receipt.seq': 'Position on the board: {seq}',
  'receipt.signed': 'The receipt is signed by the server; the signature checks out.',
  'receipt.badSignature':
    'Warning: the receipt’s signature does not check out. Download it and show it to the observers.',
  'receipt.download': 'Download the signed receipt',
  'receipt.find': 'Find my ballot on the board',
  'receipt.qr': 'QR code: the link to find your ballot on the board',
  'receipt.keep':
    'Write down the tracker or keep the receipt: after the vote, check that your ballot is on the board.',
  'receipt.revoteTitle': 'Voting again',
  'receipt.revote':
    'You may vote again until voting closes, for example if someone pressured you: sign in again with the same codes. Only your last ballot counts; earlier ones stay on the board, marked as replaced.',
  'receipt.finish': 'Finish and clear this page',
  'receipt.finished': 'Thank you. You can close this page.',

  'net.heading': 'No answer from the server',
  'net.lost':
    'Your ballot was sent but no answer came back. It may or may not have arrived; the booth asks the server before sending anything again.',
  'net.checking': 'Asking the server whether your ballot arrived…',
  'net.offline': 'No connection to the server. Check your mobile data or Wi-Fi, then try again.',
  'net.check': 'Check again',
  'net.notArrived':
    'Your ballot has not arrived. You can send it again safely: the same ballot is never counted twice.',
  'net.send': 'Send my ballot again',
  'net.arrived': 'Your ballot has arrived. Getting your signed receipt…',

  'err.NETWORK': 'No connection to the server. Check your mobile data or Wi-Fi, then try again.',
  'err.NOT_OPEN': 'Voting is not open now. Voting hours: {hours}.',
  'err.NO_ELECTION': 'There is no such election. Check the address on your letter.',
  'err.BAD_LOGIN':
    'Wrong IIN or login code. Check both and try again. After 5 wrong codes the IIN is locked.',
  'err.LOCKED':
    'This IIN is locked after too many wrong login codes. Ask the election commission for a new login code.',
  'err.BAD_IIN': 'This is not a valid IIN. Check the 12 digits on your ID card.',
  'err.BAD_LOGIN_CODE': 'A login code has 10 letters and digits. Check it against your letter.',
  'err.RATE_LIMITED': 'Too many attempts from this network. Wait a minute, then try again.',
  'err.TOKEN_EXPIRED':
    'Your sign-in has expired (it lasts 15 minutes). Sign in again: your encrypted ballot is kept.',
  'err.TOKEN_USED': 'This sign-in was already used for a ballot. Sign in again to continue.',
  'err.BAD_TOKEN': 'Your sign-in is not valid for this election. Sign in again.',
  'err.UNKNOWN_CREDENTIAL':
    'This voting code is not on this election’s list. Check that you typed the code from your letter for this election, then encrypt again.',
  'err.NOT_YOUR_CREDENTIAL':
    'This voting code was issued to another voter. Type the code from the letter addressed to you, then encrypt again.',
  'err.REFUSED': 'The server refused this encrypted ballot ({code}). Encrypt it again and cast.',
  'err.VERIFIER_UNAVAILABLE': 'The server is busy. Wait a moment, then send your ballot again.',
  'err.RECEIPT_MISMATCH':
    'The server’s receipt does not match your ballot. Download it and show it to the observers.',
  'err.WORKER': 'Encryption failed on this device. Reload the page and try again.',
  'err.OTHER':
    'Something went wrong ({code}). Try again in a few minutes; if it goes on, tell the election commission.',
  'err.signinAgain': 'Sign in again',
  'err.credentialAgain': 'Enter the voting code again',
  'err.encryptAgain': 'Encrypt again',

  'check.heading': 'Check an audited ballot',
  'check.intro':
    'Paste the audit data the booth showed you, or open the audit file. This page recomputes the encryption from the revealed randomness, on this device.',
  'check.label': 'Audit data (JSON)',
  'check.file': 'Or open an audit file',
  'check.submit': 'Check',
  'check.busy': 'Checking…',
  'check.ok': 'The audited ballot is correct: it encrypts exactly this choice.',
  'check.fail':
    'This audit does NOT match ({detail}). The booth that produced it may be faulty or tampered with: tell the election commission and the observers.',
  'check.badJson': 'This is not audit data: the text is not valid JSON.',
  'check.wrongElection': 'This audit data is for another election ({election}).',
  'check.noParams': 'Voting has not opened yet: there is no election key to check against.',
  'check.notCast': 'As it should be, this audited ballot is not on the board.',
  'check.wasCast':
    'Warning: this audited ballot is on the board as a cast ballot. An audited ballot must never be cast: tell the observers.',
  'check.tracker': 'Tracker of the audited ballot',

  'find.heading': 'Find my ballot',
  'find.intro':
    'Enter the tracker from your receipt: 16 letters and digits, for example 7G3K-Q0ZD-M1XE-4TNB.',
  'find.label': 'Ballot tracker',
  'find.submit': 'Find',
  'find.busy': 'Looking…',
  'find.found': 'Your ballot is on the board.',
  'find.position': 'Position on the board: {seq}',
  'find.hash': 'Board entry hash',
  'find.counted': 'This is the latest ballot of its credential: it counts.',
  'find.superseded': 'A later ballot of the same credential is on the board: that one counts, not this one.',
  'find.supersededBy':
    'The ballot that counts now is entry {seq}, tracker {tracker}. If you did not vote again, someone else used your credential: keep your receipt and tell the election commission and observers at once.',
  'find.notFound':
    'No ballot with this tracker is on the board. Check the tracker. If it is from a signed receipt, keep the receipt and tell the election commission and the observers.',
  'find.badTracker': 'A tracker has 16 letters and digits, for example 7G3K-Q0ZD-M1XE-4TNB.',
  // My record and complaints (SPEC §10.9.4, §10.9.5)
  'record.open': 'My record',
  'record.heading': 'My record',
  'record.intro':
    'What the server holds about you. This page checks each line against the board itself; it does not take the server’s word.',
  'record.signinIntro': 'Sign in again to see your record: the receipt page keeps no code.',
  'record.signin': 'Sign in',
  'record.checking': 'Checking against the board…',
  'record.roll': 'Voter roll',
  'record.rollChecked': 'on the roll: checked against the board',
  'record.rollAbsent': 'you are not on the voter roll of this election: tell the election commission',
  'record.rollFailed':
    'the proof of your place on the voter roll does not match the board: tell the election commission and observers',
  'record.signed': 'Supporting signatures you gave',
  'record.signedNone': 'none for a registered candidate',
  'record.credential': 'Voting code',
  'record.credentialIssued': 'issued to you',
  'record.credentialNone': 'none issued to you: tell the election commission',
  'record.latest': 'Your last ballot on the board',
  'record.latestNone': 'no ballot with your voting code on the board',
  'record.latestShown': 'entry {seq}, tracker {tracker}',
  'record.latestSame': 'entry {seq}, tracker {tracker}: the ballot on your receipt',
  'record.latestOther':
    'A later ballot with your voting code is on the board: entry {seq}, tracker {tracker}, not {mine} from your receipt. If you did not vote again, someone else used your voting code. File a complaint below.',
  'record.back': 'Back',
  'complaint.heading': 'File a complaint',
  'complaint.intro':
    'The election commission reads it. The board shows only its subject, its time and the hash of its text, never who filed it; the answer is public. At most 3 complaints.',
  'complaint.about': 'What is it about?',
  'complaint.about.signature': 'Supporting signatures',
  'complaint.about.roll': 'The voter roll',
  'complaint.about.credential': 'My voting code',
  'complaint.about.ballot': 'My ballot',
  'complaint.about.other': 'Something else',
  'complaint.text': 'Your complaint',
  'complaint.textHint': 'Up to 2000 characters.',
  'complaint.empty': 'Write your complaint first.',
  'complaint.submit': 'Send the complaint',
  'complaint.filed':
    'Complaint {id} is on the board (entry {seq}). Keep your text and this nonce: together they prove what you filed.',
  'complaint.nonce': 'Nonce',
  'complaint.download': 'Download the complaint receipt',
  'err.COMPLAINT_LIMIT': 'You have already filed 3 complaints, the most allowed.',
};

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  'app.title': 'Saylau — кабина для голосования',
  'app.checkTitle': 'Saylau — проверка контрольного бюллетеня',
  'app.findTitle': 'Saylau — найти мой бюллетень',
  'app.loading': 'Загрузка…',
  'app.noscript':
    'Кабине для голосования нужен JavaScript. Включите его в настройках браузера или откройте другой браузер.',
  'app.demo': 'ДЕМО-выборы: это не настоящее голосование',
  'lang.label': 'Язык',
  'nav.label': 'Страницы кабины',
  'nav.booth': 'Голосовать',
  'nav.check': 'Проверить контрольный бюллетень',
  'nav.find': 'Найти мой бюллетень',
  'footer.observers': 'Для наблюдателей',
  'footer.code': 'Отпечаток кода кабины (SHA-256):',
  'footer.codeHint': 'Наблюдатели публикуют отпечаток кода кабины; он должен совпадать.',
  'footer.manifestSame': 'Это отпечаток, опубликованный в манифесте этих выборов.',
  'footer.manifestDiffers':
    'Внимание: это не тот отпечаток, что опубликован в манифесте этих выборов ({hash}). Сообщите избирательной комиссии и наблюдателям.',
  'step.of': 'Шаг {n} из {total}',
  'common.district': 'Округ',
  'common.day': 'День выборов',
  'common.hours': 'Время голосования',
  'common.closes': 'Голосование заканчивается {day} в {time} по времени Астаны (UTC+5).',
  'common.continue': 'Продолжить',
  'common.back': 'Назад',
  'common.tryAgain': 'Попробовать снова',
  'common.error': 'Ошибка',

  'closed.heading': 'Голосование не идёт',
  'closed.notYet': 'Голосование ещё не началось. Вернитесь во время голосования.',
  'closed.over': 'Голосование окончено. Свой бюллетень на доске можно найти по его трекеру.',

  'signin.resumed':
    'Страница была перезагружена. Коды и выбор никогда не сохраняются на этом устройстве, поэтому войдите и снова введите код для голосования.',
  'signin.attemptsLeft': 'Осталось попыток до блокировки этого ИИН: {n}.',
  'signin.heading': 'Вход',
  'signin.intro': 'Введите ИИН и код входа из письма, которое вам отправила избирательная комиссия.',
  'signin.iin': 'ИИН (12 цифр)',
  'signin.iinHint': 'Индивидуальный идентификационный номер, он указан в удостоверении личности.',
  'signin.code': 'Код входа',
  'signin.codeHint': '10 букв и цифр, например 7K2QX-M9D4P.',
  'signin.submit': 'Войти',
  'signin.busy': 'Входим…',
  'signin.iinInvalid': 'ИИН состоит ровно из 12 цифр.',
  'signin.codeEmpty': 'Введите код входа из письма.',

  'cred.heading': 'Ваш код для голосования',
  'cred.intro':
    'Введите секретный код для голосования из письма-приглашения: 18 знаков группами по четыре. Заглавные и строчные буквы различаются.',
  'cred.label': 'Код для голосования',
  'cred.hint': 'Например, 7dKq-9XmP-bR3s-TuVw-qs',
  'cred.private': 'Никому не показывайте этот код. Никто из комиссии никогда не попросит его.',
  'cred.ok': 'Код введён полностью, контрольные знаки совпадают.',
  'cred.count': 'Введено {n} из 18 знаков.',
  'cred.badChar':
    'Знак {n} ({char}) в кодах не используется: в них нет 0 (нуля), O, I и l (строчной L). Сверьте этот знак с письмом.',
  'cred.tooLong': 'Слишком много знаков: в коде их 18.',
  'cred.tooShort': 'Код слишком короткий: в нём 18 знаков.',
  'cred.checksum':
    'Контрольные знаки не совпадают: в коде опечатка. Сверьте код с письмом знак за знаком; заглавные и строчные буквы различаются.',
  'cred.scan': 'Считать QR-код камерой',
  'cred.scanStop': 'Остановить камеру',
  'cred.scanHint': 'Наведите камеру на QR-код в письме.',
  'cred.scanVideo': 'Изображение с камеры',
  'cred.scanFailed': 'Камеру использовать не удалось. Введите код вручную.',
  'cred.scanRead': 'Код считан с QR-кода.',

  'ballot.heading': 'Бюллетень',
  'ballot.legendCandidates': 'Выберите одного кандидата или «против всех»',
  'ballot.one': 'Отметьте ровно один вариант.',
  'ballot.route.public-association': 'Выдвижение: {name}',
  'ballot.route.citizen-assembly': 'Выдвижение собранием граждан: {place}, {date}',
  'ballot.route.party': 'Выдвижение: {name}',
  'ballot.route.self': 'Самовыдвижение',
  'ballot.againstAllHint': 'Голос против всех кандидатов. Он подсчитывается и публикуется.',
  'ballot.none': 'Выберите один вариант, чтобы продолжить.',

  'review.heading': 'Проверьте свой выбор',
  'review.chosen': 'Ваш выбор',
  'review.note':
    'Бюллетень шифруется на этом телефоне. Ни сервер, ни комиссия не видят ваш выбор; расшифровывается только общий итог.',
  'review.change': 'Изменить выбор',
  'review.encrypt': 'Зашифровать бюллетень',

  'enc.heading': 'Шифрование бюллетеня',
  'enc.stage.params': 'Чтение ключа выборов',
  'enc.stage.keys': 'Подготовка ключа избирателя',
  'enc.stage.encrypt': 'Шифрование бюллетеня и доказательства',
  'enc.stage.done': 'Готово',
  'enc.progress': 'Ход шифрования',

  'cast.heading': 'Зашифрованный бюллетень готов',
  'cast.tracker': 'Трекер этого бюллетеня',
  'cast.trackerHint': 'После отправки вы найдёте свой бюллетень на общей доске по этому трекеру.',
  'cast.cast': 'Отправить бюллетень',
  'cast.busy': 'Бюллетень отправляется…',
  'cast.auditTitle': 'Хотите сначала проверить шифрование? (необязательно)',
  'cast.auditHint':
    'Контрольная проверка раскрывает, как зашифрован этот бюллетень, чтобы любое устройство могло убедиться, что в нём ваш выбор. Проверенный бюллетень никогда не отправляется: кабина зашифрует ваш выбор заново, и вы отправите новый.',
  'cast.audit': 'Проверить этот бюллетень',

  'audit.heading': 'Контрольный бюллетень',
  'audit.intro':
    'Этот бюллетень испорчен: он раскрывает ваш выбор и никогда не будет отправлен. Проверьте его на любом устройстве, затем зашифруйте заново и отправьте.',
  'audit.tracker': 'Трекер контрольного бюллетеня (он никогда не должен появиться на доске)',
  'audit.data': 'Данные проверки (зашифрованный бюллетень, ваш выбор и его случайные числа)',
  'audit.download': 'Скачать файл проверки',
  'audit.copy': 'Скопировать данные проверки',
  'audit.copied': 'Скопировано.',
  'audit.checkHere': 'Проверить здесь в новой вкладке',
  'audit.checkOther': 'На другом устройстве откройте этот адрес и вставьте данные или откройте файл:',
  'audit.again': 'Зашифровать заново и продолжить',

  'receipt.heading': 'Ваш бюллетень отправлен',
  'receipt.tracker': 'Трекер вашего бюллетеня',
  'receipt.seq': 'Позиция на доске: {seq}',
  'receipt.signed': 'Квитанция подписана сервером; подпись верна.',
  'receipt.badSignature': 'Внимание: подпись квитанции не сходится. Скачайте её и покажите наблюдателям.',
  'receipt.download': 'Скачать подписанную квитанцию',
  'receipt.find': 'Найти мой бюллетень на доске',
  'receipt.qr': 'QR-код: ссылка для поиска вашего бюллетеня на доске',
  'receipt.keep':
    'Запишите трекер или сохраните квитанцию: после голосования проверьте, что ваш бюллетень есть на доске.',
  'receipt.revoteTitle': 'Повторное голосование',
  'receipt.revote':
    'До конца голосования можно проголосовать ещё раз, например если на вас давили: войдите снова с теми же кодами. Считается только последний бюллетень; прежние остаются на доске с отметкой «заменён».',
  'receipt.finish': 'Завершить и очистить страницу',
  'receipt.finished': 'Спасибо. Эту страницу можно закрыть.',

  'net.heading': 'Сервер не ответил',
  'net.lost':
    'Бюллетень был отправлен, но ответ не пришёл. Он мог дойти, а мог и нет; прежде чем отправлять снова, кабина спросит сервер.',
  'net.checking': 'Спрашиваем сервер, дошёл ли ваш бюллетень…',
  'net.offline': 'Нет связи с сервером. Проверьте мобильный интернет или Wi-Fi и попробуйте снова.',
  'net.check': 'Проверить снова',
  'net.notArrived':
    'Бюллетень не дошёл. Его можно безопасно отправить снова: один и тот же бюллетень никогда не считается дважды.',
  'net.send': 'Отправить бюллетень снова',
  'net.arrived': 'Бюллетень дошёл. Получаем подписанную квитанцию…',

  'err.NETWORK': 'Нет связи с сервером. Проверьте мобильный интернет или Wi-Fi и попробуйте снова.',
  'err.NOT_OPEN': 'Сейчас голосование не идёт. Время голосования: {hours}.',
  'err.NO_ELECTION': 'Таких выборов нет. Проверьте адрес в письме.',
  'err.BAD_LOGIN':
    'Неверный ИИН или код входа. Проверьте оба и попробуйте снова. После 5 неверных кодов ИИН блокируется.',
  'err.LOCKED':
    'Этот ИИН заблокирован после многих неверных кодов входа. Попросите в избирательной комиссии новый код входа.',
  'err.BAD_IIN': 'Это неверный ИИН. Сверьте 12 цифр с удостоверением личности.',
  'err.BAD_LOGIN_CODE': 'Код входа — это 10 букв и цифр. Сверьте его с письмом.',
  'err.RATE_LIMITED': 'Слишком много попыток из этой сети. Подождите минуту и попробуйте снова.',
  'err.TOKEN_EXPIRED':
    'Время входа истекло (вход действует 15 минут). Войдите снова: зашифрованный бюллетень сохранён.',
  'err.TOKEN_USED': 'Этот вход уже использован для бюллетеня. Войдите снова, чтобы продолжить.',
  'err.BAD_TOKEN': 'Ваш вход недействителен для этих выборов. Войдите снова.',
  'err.UNKNOWN_CREDENTIAL':
    'Этого кода для голосования нет в списке этих выборов. Проверьте, что вы ввели код из письма именно для этих выборов, и зашифруйте заново.',
  'err.NOT_YOUR_CREDENTIAL':
    'Этот код для голосования выдан другому избирателю. Введите код из письма, адресованного вам, и зашифруйте заново.',
  'err.REFUSED': 'Сервер отклонил этот зашифрованный бюллетень ({code}). Зашифруйте его заново и отправьте.',
  'err.VERIFIER_UNAVAILABLE': 'Сервер занят. Подождите немного и отправьте бюллетень снова.',
  'err.RECEIPT_MISMATCH':
    'Квитанция сервера не соответствует вашему бюллетеню. Скачайте её и покажите наблюдателям.',
  'err.WORKER': 'Шифрование на этом устройстве не удалось. Перезагрузите страницу и попробуйте снова.',
  'err.OTHER':
    'Что-то пошло не так ({code}). Попробуйте через несколько минут; если ошибка повторяется, сообщите в избирательную комиссию.',
  'err.signinAgain': 'Войти снова',
  'err.credentialAgain': 'Ввести код для голосования снова',
  'err.encryptAgain': 'Зашифровать заново',

  'check.heading': 'Проверка контрольного бюллетеня',
  'check.intro':
    'Вставьте данные проверки, которые показала кабина, или откройте файл проверки. Эта страница заново вычисляет шифрование по раскрытым случайным числам — на этом устройстве.',
  'check.label': 'Данные проверки (JSON)',
  'check.file': 'Или откройте файл проверки',
  'check.submit': 'Проверить',
  'check.busy': 'Проверяем…',
  'check.ok': 'Контрольный бюллетень верен: в нём зашифрован именно этот выбор.',
  'check.fail':
    'Данные проверки НЕ сходятся ({detail}). Кабина, которая их создала, может быть неисправна или подделана: сообщите в избирательную комиссию и наблюдателям.',
  'check.badJson': 'Это не данные проверки: текст не является корректным JSON.',
  'check.wrongElection': 'Эти данные проверки относятся к другим выборам ({election}).',
  'check.noParams': 'Голосование ещё не открыто: ключа выборов для проверки пока нет.',
  'check.notCast': 'Как и положено, этого контрольного бюллетеня на доске нет.',
  'check.wasCast':
    'Внимание: этот контрольный бюллетень есть на доске как отправленный. Проверенный бюллетень никогда не должен отправляться: сообщите наблюдателям.',
  'check.tracker': 'Трекер контрольного бюллетеня',

  'find.heading': 'Найти мой бюллетень',
  'find.intro': 'Введите трекер из квитанции: 16 букв и цифр, например 7G3K-Q0ZD-M1XE-4TNB.',
  'find.label': 'Трекер бюллетеня',
  'find.submit': 'Найти',
  'find.busy': 'Ищем…',
  'find.found': 'Ваш бюллетень есть на доске.',
  'find.position': 'Позиция на доске: {seq}',
  'find.hash': 'Хеш записи на доске',
  'find.counted': 'Это последний бюллетень этого кода для голосования: он учитывается.',
  'find.superseded':
    'На доске есть более поздний бюллетень того же кода для голосования: учитывается он, а не этот.',
  'find.supersededBy':
    'Сейчас учитывается запись {seq}, трекер {tracker}. Если вы не голосовали повторно, вашим кодом воспользовался кто-то другой: сохраните квитанцию и сразу сообщите в избирательную комиссию и наблюдателям.',
  'find.notFound':
    'Бюллетеня с таким трекером на доске нет. Проверьте трекер. Если он из подписанной квитанции, сохраните её и сообщите в избирательную комиссию и наблюдателям.',
  'find.badTracker': 'Трекер — это 16 букв и цифр, например 7G3K-Q0ZD-M1XE-4TNB.',
  // Мои данные и жалобы (SPEC §10.9.4, §10.9.5)
  'record.open': 'Мои данные',
  'record.heading': 'Мои данные',
  'record.intro':
    'Что сервер хранит о вас. Эта страница сама сверяет каждую строку с доской, а не верит серверу на слово.',
  'record.signinIntro': 'Войдите снова, чтобы увидеть свои данные: страница квитанции не хранит кодов.',
  'record.signin': 'Войти',
  'record.checking': 'Сверяем с доской…',
  'record.roll': 'Список избирателей',
  'record.rollChecked': 'в списке: сверено с доской',
  'record.rollAbsent': 'вас нет в списке избирателей этих выборов: сообщите в избирательную комиссию',
  'record.rollFailed':
    'доказательство вашего места в списке избирателей не сходится с доской: сообщите в избирательную комиссию и наблюдателям',
  'record.signed': 'Ваши подписи в поддержку',
  'record.signedNone': 'нет ни за одного зарегистрированного кандидата',
  'record.credential': 'Код для голосования',
  'record.credentialIssued': 'выдан вам',
  'record.credentialNone': 'вам не выдан: сообщите в избирательную комиссию',
  'record.latest': 'Ваш последний бюллетень на доске',
  'record.latestNone': 'на доске нет бюллетеня с вашим кодом для голосования',
  'record.latestShown': 'запись {seq}, трекер {tracker}',
  'record.latestSame': 'запись {seq}, трекер {tracker}: бюллетень из вашей квитанции',
  'record.latestOther':
    'На доске есть более поздний бюллетень с вашим кодом для голосования: запись {seq}, трекер {tracker}, а не {mine} из вашей квитанции. Если вы не голосовали повторно, вашим кодом воспользовался кто-то другой. Подайте жалобу ниже.',
  'record.back': 'Назад',
  'complaint.heading': 'Подать жалобу',
  'complaint.intro':
    'Её прочтёт избирательная комиссия. На доске видны только тема, время и хеш текста, но не то, кто её подал; ответ публичен. Не больше 3 жалоб.',
  'complaint.about': 'О чём жалоба?',
  'complaint.about.signature': 'Подписи в поддержку',
  'complaint.about.roll': 'Список избирателей',
  'complaint.about.credential': 'Мой код для голосования',
  'complaint.about.ballot': 'Мой бюллетень',
  'complaint.about.other': 'Другое',
  'complaint.text': 'Ваша жалоба',
  'complaint.textHint': 'До 2000 знаков.',
  'complaint.empty': 'Сначала напишите жалобу.',
  'complaint.submit': 'Отправить жалобу',
  'complaint.filed':
    'Жалоба {id} на доске (запись {seq}). Сохраните свой текст и это случайное число: вместе они доказывают, что именно вы подали.',
  'complaint.nonce': 'Случайное число',
  'complaint.download': 'Скачать квитанцию о жалобе',
  'err.COMPLAINT_LIMIT': 'Вы уже подали 3 жалобы — это наибольшее допустимое число.',
};

const kk: Record<MessageKey, string> = {
  'app.title': 'Saylau — дауыс беру кабинасы',
  'app.checkTitle': 'Saylau — бақылау бюллетенін тексеру',
  'app.findTitle': 'Saylau — бюллетенімді табу',
  'app.loading': 'Жүктелуде…',
  'app.noscript':
    'Дауыс беру кабинасына JavaScript қажет. Оны браузер баптауларында қосыңыз немесе басқа браузерді ашыңыз.',
  'app.demo': 'ДЕМО сайлау: бұл нағыз дауыс беру емес',
  'lang.label': 'Тіл',
  'nav.label': 'Кабина беттері',
  'nav.booth': 'Дауыс беру',
  'nav.check': 'Бақылау бюллетенін тексеру',
  'nav.find': 'Бюллетенімді табу',
  'footer.observers': 'Бақылаушыларға арналған',
  'footer.code': 'Кабина кодының саусақ ізі (SHA-256):',
  'footer.codeHint': 'Бақылаушылар кабина кодының саусақ ізін жариялайды; ол сәйкес келуі керек.',
  'footer.manifestSame': 'Бұл осы сайлаудың манифесінде жарияланған саусақ ізі.',
  'footer.manifestDiffers':
    'Назар аударыңыз: бұл осы сайлаудың манифесінде жарияланған саусақ ізі емес ({hash}). Сайлау комиссиясына және бақылаушыларға хабарлаңыз.',
  'step.of': '{total} қадамның {n}-қадамы',
  'common.district': 'Округ',
  'common.day': 'Сайлау күні',
  'common.hours': 'Дауыс беру уақыты',
  'common.closes': 'Дауыс беру аяқталатын уақыт: {day}, сағат {time} (Астана уақыты, UTC+5).',
  'common.continue': 'Жалғастыру',
  'common.back': 'Артқа',
  'common.tryAgain': 'Қайта көру',
  'common.error': 'Қате',

  'closed.heading': 'Дауыс беру жүріп жатқан жоқ',
  'closed.notYet': 'Дауыс беру әлі басталған жоқ. Дауыс беру уақытында қайта келіңіз.',
  'closed.over': 'Дауыс беру аяқталды. Бюллетеніңізді тақтадан оның трекері арқылы таба аласыз.',

  'signin.resumed':
    'Бет қайта жүктелді. Кодтарыңыз бен таңдауыңыз бұл құрылғыда ешқашан сақталмайды, сондықтан қайта кіріп, дауыс беру кодын қайта енгізіңіз.',
  'signin.attemptsLeft': 'Осы ЖСН бұғатталғанға дейін қалған әрекет саны: {n}.',
  'signin.heading': 'Кіру',
  'signin.intro': 'ЖСН-іңізді және сайлау комиссиясы жіберген хаттағы кіру кодын енгізіңіз.',
  'signin.iin': 'ЖСН (12 цифр)',
  'signin.iinHint': 'Жеке сәйкестендіру нөміріңіз, ол жеке куәлігіңізде жазылған.',
  'signin.code': 'Кіру коды',
  'signin.codeHint': '10 әріп пен цифр, мысалы 7K2QX-M9D4P.',
  'signin.submit': 'Кіру',
  'signin.busy': 'Кіріп жатырмыз…',
  'signin.iinInvalid': 'ЖСН дәл 12 цифрдан тұрады.',
  'signin.codeEmpty': 'Хаттағы кіру кодын енгізіңіз.',

  'cred.heading': 'Дауыс беру кодыңыз',
  'cred.intro':
    'Шақыру хатындағы құпия дауыс беру кодын теріңіз: төрттен топталған 18 таңба. Бас әріп пен кіші әріп әртүрлі.',
  'cred.label': 'Дауыс беру коды',
  'cred.hint': 'Мысалы, 7dKq-9XmP-bR3s-TuVw-qs',
  'cred.private': 'Бұл кодты ешкімге көрсетпеңіз. Комиссиядан ешкім оны ешқашан сұрамайды.',
  'cred.ok': 'Код толық терілді, бақылау таңбалары сәйкес келеді.',
  'cred.count': '18 таңбаның {n} таңбасы терілді.',
  'cred.badChar':
    '{n}-таңба ({char}) кодтарда қолданылмайды: оларда 0 (нөл), O, I және l (кіші L) жоқ. Бұл таңбаны хатпен салыстырыңыз.',
  'cred.tooLong': 'Таңба тым көп: кодта 18 таңба бар.',
  'cred.tooShort': 'Код тым қысқа: онда 18 таңба бар.',
  'cred.checksum':
    'Бақылау таңбалары сәйкес келмейді: кодта қате бар. Кодты хатпен таңба бойынша салыстырыңыз; бас әріп пен кіші әріп әртүрлі.',
  'cred.scan': 'QR-кодты камерамен оқу',
  'cred.scanStop': 'Камераны тоқтату',
  'cred.scanHint': 'Камераны хаттағы QR-кодқа бағыттаңыз.',
  'cred.scanVideo': 'Камера бейнесі',
  'cred.scanFailed': 'Камераны пайдалану мүмкін болмады. Кодты қолмен теріңіз.',
  'cred.scanRead': 'Код QR-кодтан оқылды.',

  'ballot.heading': 'Бюллетень',
  'ballot.legendCandidates': 'Бір кандидатты немесе «барлығына қарсымын» дегенді таңдаңыз',
  'ballot.one': 'Дәл бір нұсқаны белгілеңіз.',
  'ballot.route.public-association': 'Ұсынған: {name}',
  'ballot.route.citizen-assembly': 'Азаматтар жиналысы ұсынған: {place}, {date}',
  'ballot.route.party': 'Ұсынған: {name}',
  'ballot.route.self': 'Өзін-өзі ұсынған',
  'ballot.againstAllHint': 'Барлық кандидатқа қарсы дауыс. Ол есептеліп, жарияланады.',
  'ballot.none': 'Жалғастыру үшін бір нұсқаны таңдаңыз.',

  'review.heading': 'Таңдауыңызды тексеріңіз',
  'review.chosen': 'Сіздің таңдауыңыз',
  'review.note':
    'Бюллетень осы телефонда шифрланады. Сервер де, комиссия да таңдауыңызды көрмейді; тек жалпы қорытынды ашылады.',
  'review.change': 'Таңдауды өзгерту',
  'review.encrypt': 'Бюллетенді шифрлау',

  'enc.heading': 'Бюллетень шифрлануда',
  'enc.stage.params': 'Сайлау кілтін оқу',
  'enc.stage.keys': 'Сайлаушы кілтін дайындау',
  'enc.stage.encrypt': 'Бюллетенді шифрлау және дәлелдеу',
  'enc.stage.done': 'Дайын',
  'enc.progress': 'Шифрлау барысы',

  'cast.heading': 'Шифрланған бюллетеніңіз дайын',
  'cast.tracker': 'Осы бюллетеннің трекері',
  'cast.trackerHint': 'Жібергеннен кейін бюллетеніңізді ашық тақтадан осы трекер арқылы таба аласыз.',
  'cast.cast': 'Бюллетенді жіберу',
  'cast.busy': 'Бюллетень жіберілуде…',
  'cast.auditTitle': 'Алдымен шифрлауды тексергіңіз келе ме? (міндетті емес)',
  'cast.auditHint':
    'Бақылау тексеруі бұл бюллетеннің қалай шифрланғанын ашады, сондықтан кез келген құрылғы онда сіздің таңдауыңыз бар екенін тексере алады. Тексерілген бюллетень ешқашан жіберілмейді: кабина таңдауыңызды қайта шифрлайды, сіз жаңасын жібересіз.',
  'cast.audit': 'Осы бюллетенді тексеру',

  'audit.heading': 'Бақылау бюллетені',
  'audit.intro':
    'Бұл бюллетень бүлінген: ол таңдауыңызды ашады және ешқашан жіберілмейді. Оны кез келген құрылғыда тексеріңіз, содан кейін қайта шифрлап, жіберіңіз.',
  'audit.tracker': 'Бақылау бюллетенінің трекері (ол тақтада ешқашан пайда болмауы керек)',
  'audit.data': 'Тексеру деректері (шифрланған бюллетень, таңдауыңыз және оның кездейсоқ сандары)',
  'audit.download': 'Тексеру файлын жүктеп алу',
  'audit.copy': 'Тексеру деректерін көшіру',
  'audit.copied': 'Көшірілді.',
  'audit.checkHere': 'Осында жаңа қойындыда тексеру',
  'audit.checkOther': 'Басқа құрылғыда осы мекенжайды ашып, деректерді қойыңыз немесе файлды ашыңыз:',
  'audit.again': 'Қайта шифрлап, жалғастыру',

  'receipt.heading': 'Бюллетеніңіз жіберілді',
  'receipt.tracker': 'Бюллетеніңіздің трекері',
  'receipt.seq': 'Тақтадағы орны: {seq}',
  'receipt.signed': 'Түбіртекке сервер қол қойған; қолтаңба дұрыс.',
  'receipt.badSignature':
    'Назар аударыңыз: түбіртектің қолтаңбасы дұрыс емес. Оны жүктеп алып, бақылаушыларға көрсетіңіз.',
  'receipt.download': 'Қол қойылған түбіртекті жүктеп алу',
  'receipt.find': 'Бюллетенімді тақтадан табу',
  'receipt.qr': 'QR-код: бюллетеніңізді тақтадан табуға арналған сілтеме',
  'receipt.keep':
    'Трекерді жазып алыңыз немесе түбіртекті сақтаңыз: дауыс беруден кейін бюллетеніңіз тақтада бар екенін тексеріңіз.',
  'receipt.revoteTitle': 'Қайта дауыс беру',
  'receipt.revote':
    'Дауыс беру аяқталғанға дейін қайта дауыс бере аласыз, мысалы, сізге қысым жасалса: сол кодтармен қайта кіріңіз. Тек соңғы бюллетеніңіз есептеледі; бұрынғылары тақтада «ауыстырылған» деген белгімен қалады.',
  'receipt.finish': 'Аяқтау және бетті тазалау',
  'receipt.finished': 'Рахмет. Бұл бетті жабуға болады.',

  'net.heading': 'Сервер жауап бермеді',
  'net.lost':
    'Бюллетень жіберілді, бірақ жауап келмеді. Ол жетуі де, жетпеуі де мүмкін; қайта жібермес бұрын кабина серверден сұрайды.',
  'net.checking': 'Бюллетеніңіз жеткенін серверден сұрап жатырмыз…',
  'net.offline': 'Сервермен байланыс жоқ. Мобильді интернетті немесе Wi-Fi-ды тексеріп, қайталаңыз.',
  'net.check': 'Қайта тексеру',
  'net.notArrived':
    'Бюллетеніңіз жетпеді. Оны қауіпсіз қайта жіберуге болады: бір бюллетень ешқашан екі рет есептелмейді.',
  'net.send': 'Бюллетенді қайта жіберу',
  'net.arrived': 'Бюллетеніңіз жетті. Қол қойылған түбіртекті алып жатырмыз…',

  'err.NETWORK': 'Сервермен байланыс жоқ. Мобильді интернетті немесе Wi-Fi-ды тексеріп, қайталаңыз.',
  'err.NOT_OPEN': 'Қазір дауыс беру жүріп жатқан жоқ. Дауыс беру уақыты: {hours}.',
  'err.NO_ELECTION': 'Мұндай сайлау жоқ. Хаттағы мекенжайды тексеріңіз.',
  'err.BAD_LOGIN':
    'ЖСН немесе кіру коды қате. Екеуін де тексеріп, қайталаңыз. 5 рет қате код енгізілсе, ЖСН бұғатталады.',
  'err.LOCKED':
    'Бұл ЖСН тым көп қате кіру кодынан кейін бұғатталды. Сайлау комиссиясынан жаңа кіру кодын сұраңыз.',
  'err.BAD_IIN': 'Бұл жарамды ЖСН емес. 12 цифрды жеке куәлігіңізбен салыстырыңыз.',
  'err.BAD_LOGIN_CODE': 'Кіру коды — 10 әріп пен цифр. Оны хатпен салыстырыңыз.',
  'err.RATE_LIMITED': 'Бұл желіден әрекет тым көп. Бір минут күтіп, қайталаңыз.',
  'err.TOKEN_EXPIRED':
    'Кіру мерзімі өтті (кіру 15 минут жарамды). Қайта кіріңіз: шифрланған бюллетеніңіз сақталды.',
  'err.TOKEN_USED': 'Бұл кіру бюллетень үшін қолданылып қойған. Жалғастыру үшін қайта кіріңіз.',
  'err.BAD_TOKEN': 'Сіздің кіруіңіз бұл сайлау үшін жарамсыз. Қайта кіріңіз.',
  'err.UNKNOWN_CREDENTIAL':
    'Бұл дауыс беру коды осы сайлаудың тізімінде жоқ. Дәл осы сайлауға арналған хаттағы кодты тергеніңізді тексеріп, қайта шифрлаңыз.',
  'err.NOT_YOUR_CREDENTIAL':
    'Бұл дауыс беру коды басқа сайлаушыға берілген. Сізге жолданған хаттағы кодты теріп, қайта шифрлаңыз.',
  'err.REFUSED': 'Сервер бұл шифрланған бюллетенді қабылдамады ({code}). Оны қайта шифрлап, жіберіңіз.',
  'err.VERIFIER_UNAVAILABLE': 'Сервер бос емес. Біраз күтіп, бюллетенді қайта жіберіңіз.',
  'err.RECEIPT_MISMATCH':
    'Сервердің түбіртегі бюллетеніңізге сәйкес келмейді. Оны жүктеп алып, бақылаушыларға көрсетіңіз.',
  'err.WORKER': 'Бұл құрылғыда шифрлау сәтсіз аяқталды. Бетті қайта жүктеп, қайталаңыз.',
  'err.OTHER':
    'Бірдеңе дұрыс болмады ({code}). Бірнеше минуттан кейін қайталаңыз; қате қайталанса, сайлау комиссиясына хабарлаңыз.',
  'err.signinAgain': 'Қайта кіру',
  'err.credentialAgain': 'Дауыс беру кодын қайта енгізу',
  'err.encryptAgain': 'Қайта шифрлау',

  'check.heading': 'Бақылау бюллетенін тексеру',
  'check.intro':
    'Кабина көрсеткен тексеру деректерін қойыңыз немесе тексеру файлын ашыңыз. Бұл бет шифрлауды ашылған кездейсоқ сандар бойынша осы құрылғыда қайта есептейді.',
  'check.label': 'Тексеру деректері (JSON)',
  'check.file': 'Немесе тексеру файлын ашыңыз',
  'check.submit': 'Тексеру',
  'check.busy': 'Тексеріп жатырмыз…',
  'check.ok': 'Бақылау бюллетені дұрыс: онда дәл осы таңдау шифрланған.',
  'check.fail':
    'Тексеру деректері сәйкес КЕЛМЕЙДІ ({detail}). Оларды жасаған кабина ақаулы немесе бұрмаланған болуы мүмкін: сайлау комиссиясына және бақылаушыларға хабарлаңыз.',
  'check.badJson': 'Бұл тексеру деректері емес: мәтін дұрыс JSON емес.',
  'check.wrongElection': 'Бұл тексеру деректері басқа сайлауға қатысты ({election}).',
  'check.noParams': 'Дауыс беру әлі ашылған жоқ: тексеруге арналған сайлау кілті әлі жоқ.',
  'check.notCast': 'Тиісінше, бұл бақылау бюллетені тақтада жоқ.',
  'check.wasCast':
    'Назар аударыңыз: бұл бақылау бюллетені тақтада жіберілген бюллетень ретінде тұр. Тексерілген бюллетень ешқашан жіберілмеуі керек: бақылаушыларға хабарлаңыз.',
  'check.tracker': 'Бақылау бюллетенінің трекері',

  'find.heading': 'Бюллетенімді табу',
  'find.intro': 'Түбіртектегі трекерді енгізіңіз: 16 әріп пен цифр, мысалы 7G3K-Q0ZD-M1XE-4TNB.',
  'find.label': 'Бюллетень трекері',
  'find.submit': 'Табу',
  'find.busy': 'Іздеп жатырмыз…',
  'find.found': 'Бюллетеніңіз тақтада бар.',
  'find.position': 'Тақтадағы орны: {seq}',
  'find.hash': 'Тақтадағы жазбаның хеші',
  'find.counted': 'Бұл осы дауыс беру кодының соңғы бюллетені: ол есептеледі.',
  'find.superseded': 'Тақтада сол дауыс беру кодының кейінгі бюллетені бар: бұл емес, сол есептеледі.',
  'find.supersededBy':
    'Қазір {seq}-жазба есептеледі, трекері {tracker}. Егер сіз қайта дауыс бермесеңіз, сіздің кодыңызды басқа біреу пайдаланған: түбіртекті сақтап, дереу сайлау комиссиясына және бақылаушыларға хабарлаңыз.',
  'find.notFound':
    'Мұндай трекері бар бюллетень тақтада жоқ. Трекерді тексеріңіз. Егер ол қол қойылған түбіртектен алынса, түбіртекті сақтап, сайлау комиссиясына және бақылаушыларға хабарлаңыз.',
  'find.badTracker': 'Трекер — 16 әріп пен цифр, мысалы 7G3K-Q0ZD-M1XE-4TNB.',
  // Менің деректерім және шағымдар (SPEC §10.9.4, §10.9.5)
  'record.open': 'Менің деректерім',
  'record.heading': 'Менің деректерім',
  'record.intro':
    'Сервер сіз туралы не сақтайды. Бұл бет әр жолды тақтамен өзі салыстырады, серверге сөзбен сенбейді.',
  'record.signinIntro': 'Деректеріңізді көру үшін қайта кіріңіз: түбіртек беті кодтарды сақтамайды.',
  'record.signin': 'Кіру',
  'record.checking': 'Тақтамен салыстырып жатырмыз…',
  'record.roll': 'Сайлаушылар тізімі',
  'record.rollChecked': 'тізімде бар: тақтамен тексерілді',
  'record.rollAbsent': 'сіз бұл сайлаудың сайлаушылар тізімінде жоқсыз: сайлау комиссиясына хабарлаңыз',
  'record.rollFailed':
    'сайлаушылар тізіміндегі орныңыздың дәлелі тақтаға сәйкес келмейді: сайлау комиссиясына және бақылаушыларға хабарлаңыз',
  'record.signed': 'Сіз берген қолдау қолтаңбалары',
  'record.signedNone': 'тіркелген бірде-бір кандидат үшін жоқ',
  'record.credential': 'Дауыс беру коды',
  'record.credentialIssued': 'сізге берілген',
  'record.credentialNone': 'сізге берілмеген: сайлау комиссиясына хабарлаңыз',
  'record.latest': 'Тақтадағы соңғы бюллетеніңіз',
  'record.latestNone': 'тақтада сіздің дауыс беру кодыңызбен бюллетень жоқ',
  'record.latestShown': '{seq}-жазба, трекері {tracker}',
  'record.latestSame': '{seq}-жазба, трекері {tracker}: түбіртегіңіздегі бюллетень',
  'record.latestOther':
    'Тақтада сіздің дауыс беру кодыңызбен кейінірек берілген бюллетень бар: {seq}-жазба, трекері {tracker}, түбіртегіңіздегі {mine} емес. Егер сіз қайта дауыс бермесеңіз, кодыңызды басқа біреу пайдаланған. Төменде шағым беріңіз.',
  'record.back': 'Артқа',
  'complaint.heading': 'Шағым беру',
  'complaint.intro':
    'Оны сайлау комиссиясы оқиды. Тақтада тек тақырыбы, уақыты және мәтінінің хеші көрінеді, кім бергені көрінбейді; жауап жария. Ең көбі 3 шағым.',
  'complaint.about': 'Шағым не туралы?',
  'complaint.about.signature': 'Қолдау қолтаңбалары',
  'complaint.about.roll': 'Сайлаушылар тізімі',
  'complaint.about.credential': 'Менің дауыс беру кодым',
  'complaint.about.ballot': 'Менің бюллетенім',
  'complaint.about.other': 'Басқа',
  'complaint.text': 'Шағымыңыз',
  'complaint.textHint': '2000 таңбаға дейін.',
  'complaint.empty': 'Алдымен шағымыңызды жазыңыз.',
  'complaint.submit': 'Шағымды жіберу',
  'complaint.filed':
    '{id} шағымы тақтада ({seq}-жазба). Мәтініңізді және осы кездейсоқ санды сақтаңыз: екеуі бірге не бергеніңізді дәлелдейді.',
  'complaint.nonce': 'Кездейсоқ сан',
  'complaint.download': 'Шағым түбіртегін жүктеп алу',
  'err.COMPLAINT_LIMIT': 'Сіз 3 шағым беріп қойдыңыз, бұл — ең көп рұқсат етілген саны.',
};

export const CATALOGS = defineCatalog(en, { kk, ru });
