/**
 * Printable invitation letters (SPEC §10.7): one A4 page per voter, in Kazakh and Russian, with the
 * addressee, the district, the voting window, the code in large grouped characters, its QR code as
 * inline SVG and short instructions. The code is issued to this voter alone (the server accepts it
 * only from their sign-in), so the letter names them. A self-contained file: no script, no
 * external resource (its own CSP says so).
 */
import QRCode from 'qrcode';
import { formatCredentialCode } from '@saylau/crypto';
import type { Lang } from '@saylau/protocol/lang';
import { almatyClock, formatDay } from '@saylau/protocol/dates';
import { fillParts, translator, type Catalog } from '@saylau/protocol/catalog';
import { Html, html } from '@saylau/server/html';
import type { LetterManifest } from './manifest.ts';

export interface LetterCode {
  /** 1-based, as in codes.csv, so that a spoilt letter can be found and reprinted. */
  number: number;
  /** The 18-character code (SPEC §7.1). */
  code: string;
  /** The addressee, as on the roll. */
  voter: { surname: string; givenName: string; patronymic: string; settlement: string; address: string };
}

/** The two languages a letter is printed in (SPEC §10.7). */
type Printed = Exclude<Lang, 'en'>;

/**
 * The letter's words, one object per language (protocol/src/catalog.ts). A letter has no English
 * side, so Kazakh gives the key set; `{name}` is filled in when the letter is printed.
 */
const kk = {
  title: 'Дауыс беруге шақыру',
  to: 'Кімге',
  'what.akim': '{district}: әкім сайлауы',
  'what.referendum': '{district}: жергілікті референдум',
  when: 'Дауыс беру күні: {day}, {hours} (Алматы уақыты).',
  window: 'Дауыс беру уақыты: басталуы — {from}; аяқталуы — {to} (Алматы уақыты).',
  dayTime: '{day}, {hhmm}',
  codeLabel: 'Сіздің құпия дауыс беру кодыңыз',
  'step.open': 'Дауыс беру бетін ашыңыз: {url}',
  'step.openPublished': 'Сайлау комиссиясы жариялаған дауыс беру бетін ашыңыз.',
  'step.signIn': 'ЖСН-іңізді және сайлау комиссиясы жіберген кіру кодын енгізіп, жүйеге кіріңіз.',
  'step.code': 'Осы құпия кодты теріңіз немесе QR-кодты сканерлеңіз, содан кейін бюллетеньді толтырыңыз.',
  'step.receipt': 'Түбіртекті сақтаңыз: ол арқылы бюллетеніңіздің жария тақтада екенін тексере аласыз.',
  'step.revote': 'Қайта дауыс беруге болады: тек соңғы бюллетень есептеледі.',
  warning:
    'Бұл кодты ешкімге көрсетпеңіз және бермеңіз. Ол тек сізге берілген: онымен тек сіздің ЖСН-іңізбен кіріп дауыс беруге болады.',
};

const ru: Record<keyof typeof kk, string> = {
  title: 'Приглашение к голосованию',
  to: 'Кому',
  'what.akim': '{district}: выборы акима',
  'what.referendum': '{district}: местный референдум',
  when: 'День голосования: {day}, {hours} (время Алматы).',
  window: 'Голосование: начало — {from}; окончание — {to} (время Алматы).',
  dayTime: '{day}, {hhmm}',
  codeLabel: 'Ваш секретный код для голосования',
  'step.open': 'Откройте страницу голосования: {url}',
  'step.openPublished': 'Откройте страницу голосования, адрес которой опубликовала избирательная комиссия.',
  'step.signIn': 'Войдите, указав свой ИИН и код входа, присланный избирательной комиссией.',
  'step.code': 'Введите этот секретный код или отсканируйте QR-код, затем заполните бюллетень.',
  'step.receipt': 'Сохраните квитанцию: по ней можно проверить, что ваш бюллетень есть на публичной доске.',
  'step.revote': 'Можно проголосовать повторно: учитывается только последний бюллетень.',
  warning:
    'Никому не показывайте и не передавайте этот код. Он выдан только вам: им можно проголосовать, только войдя с вашим ИИН.',
};

export const LETTER_STRINGS: Catalog<keyof typeof kk, Printed> = { kk, ru };
const t = translator(LETTER_STRINGS);

/**
 * The voting window as the calendar in force sets it (SPEC §10.1, §10.8), in the letter's language:
 * one day and its hours when voting opens and closes on the same local day, else the day and hour
 * of each end (a demo open for a week, or a calendar set by the election's creator).
 */
export function votingWindowText(lang: Printed, calendar: LetterManifest['calendar']): string {
  const opens = almatyClock(calendar.votingOpens)!;
  const closes = almatyClock(calendar.votingCloses)!;
  if (opens.day === closes.day)
    return t(lang, 'when', { day: formatDay(lang, opens.day), hours: `${opens.hm}–${closes.hm}` });
  const at = (x: { day: string; hm: string }) =>
    t(lang, 'dayTime', { day: formatDay(lang, x.day), hhmm: x.hm });
  return t(lang, 'window', { from: at(opens), to: at(closes) });
}

interface Texts {
  title: string;
  to: string;
  what: string;
  when: string;
  codeLabel: string;
  steps: (string | Html)[];
  warning: string;
}

function texts(lang: Printed, m: LetterManifest, boothUrl: string | undefined): Texts {
  const url = boothUrl ? html`<span class="url">${boothUrl}</span>` : null;
  return {
    title: t(lang, 'title'),
    to: t(lang, 'to'),
    what: t(lang, m.kind === 'akim' ? 'what.akim' : 'what.referendum', { district: m.district[lang] }),
    when: votingWindowText(lang, m.calendar),
    codeLabel: t(lang, 'codeLabel'),
    steps: [
      url ? html`${fillParts(LETTER_STRINGS[lang]['step.open'], { url })}` : t(lang, 'step.openPublished'),
      t(lang, 'step.signIn'),
      t(lang, 'step.code'),
      t(lang, 'step.receipt'),
      t(lang, 'step.revote'),
    ],
    warning: t(lang, 'warning'),
  };
}

function half(lang: Printed, t: Texts): Html {
  return html`<div class="lang" lang="${lang}">
    <h2>${t.title}</h2>
    <ol>
      ${t.steps.map((s) => html`<li>${s}</li>`)}
    </ol>
    <p class="warning">${t.warning}</p>
  </div>`;
}

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10.5pt;
  color: #000; background: #fff; line-height: 1.35; }
.letter { break-after: page; page-break-after: always; break-inside: avoid; padding: 2mm 0; }
.letter:last-child { break-after: auto; page-break-after: auto; }
.top { display: flex; justify-content: space-between; gap: 6mm; border-bottom: 1px solid #000;
  padding-bottom: 3mm; }
.top p { margin: 0 0 1mm; }
.what { font-weight: bold; font-size: 12pt; }
.to { margin: 3mm 0 0; font-size: 11pt; }
.number { text-align: right; white-space: nowrap; font-size: 9pt; }
.credential { display: flex; align-items: center; gap: 8mm; margin: 7mm 0; padding: 5mm;
  border: 2px solid #000; }
.credential .label { margin: 0 0 3mm; }
.code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Courier New", monospace; font-size: 25pt;
  font-weight: bold; letter-spacing: 0.06em; white-space: nowrap; }
.qr { width: 38mm; height: 38mm; flex: none; }
.langs { display: flex; gap: 8mm; }
.lang { flex: 1; }
.lang h2 { font-size: 12pt; margin: 0 0 2mm; }
.lang ol { padding-left: 5mm; margin: 0 0 3mm; }
.lang li { margin-bottom: 1.5mm; }
.url { font-family: "DejaVu Sans Mono", "Courier New", monospace; word-break: break-all; }
.warning { font-weight: bold; }
@media screen { .letter { max-width: 182mm; margin: 0 auto 10mm; border-bottom: 1px dashed #888; } }
`;

/** The QR code of the compact code as an SVG element (byte mode, 18 bytes, level M: version 2). */
async function qrSvg(code: string): Promise<Html> {
  const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return new Html(svg.trim().replace(/^<svg /, '<svg class="qr" role="img" aria-label="QR" '));
}

async function letter(m: LetterManifest, c: LetterCode, total: number, boothUrl?: string): Promise<Html> {
  const kk = texts('kk', m, boothUrl);
  const ru = texts('ru', m, boothUrl);
  return html`<section class="letter">
    <div class="top">
      <div>
        <p class="what" lang="kk">${kk.what}</p>
        <p class="what" lang="ru">${ru.what}</p>
        <p lang="kk">${kk.when}</p>
        <p lang="ru">${ru.when}</p>
      </div>
      <p class="number">№ ${c.number} / ${total}<br />${m.election}</p>
    </div>
    <p class="to">
      <span lang="kk">${kk.to}</span> / <span lang="ru">${ru.to}</span>:
      <strong
        >${[c.voter.surname, c.voter.givenName, c.voter.patronymic].filter((x) => x !== '').join(' ')}</strong
      >, ${c.voter.settlement}, ${c.voter.address}
    </p>
    <div class="credential">
      <div>
        <p class="label"><span lang="kk">${kk.codeLabel}</span> / <span lang="ru">${ru.codeLabel}</span>:</p>
        <p class="code">${formatCredentialCode(c.code)}</p>
      </div>
      ${await qrSvg(c.code)}
    </div>
    <div class="langs">${half('kk', kk)} ${half('ru', ru)}</div>
  </section>`;
}

/**
 * The whole letters.html: one `<section class="letter">` (one printed page) per code. `onLetter`
 * is told how many are done after each (a page awaits a pause there, to stay responsive).
 */
export async function renderLetters(
  manifest: LetterManifest,
  codes: readonly LetterCode[],
  boothUrl?: string,
  onLetter?: (done: number) => void | Promise<void>,
): Promise<string> {
  const parts: string[] = [];
  for (const c of codes) {
    parts.push((await letter(manifest, c, codes.length, boothUrl)).text);
    await onLetter?.(parts.length);
  }
  const head = html`<!doctype html>
    <html lang="kk">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${manifest.district.kk} — ${manifest.election}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body></body>
    </html>`.text;
  const [before, after] = head.split('<body></body>') as [string, string];
  return `${before}<body>\n${parts.join('\n')}\n</body>${after}\n`;
}
