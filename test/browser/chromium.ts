/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`) through playwright-core: no
 * browser is ever downloaded. Screenshots go to test-artifacts/<suite>/ (kept by CI as artifacts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `args`: more command-line switches, e.g. a fake camera fed from a file. */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // CI runs as root in a container: Chromium's sandbox needs user namespaces it may not have.
    args: ['--no-sandbox', '--disable-dev-shm-usage', ...args],
  });
}

/** Directory for a suite's screenshots, created on demand. */
export function artifactDir(suite: string): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-artifacts', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Save a full-page screenshot as test-artifacts/<suite>/<name>.png. Every screen a test photographs
 * is also checked: at phone width (≤ 400 px) it must not be wider than the screen, and in Kazakh or
 * Russian it must have no Latin-script word (`latinWords`).
 */
export async function screenshot(page: Page, suite: string, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactDir(suite), `${name}.png`), fullPage: true });
  // A phone-sized page scrolls down, never sideways (the booth's and every page's rule).
  const viewport = page.viewportSize();
  if (viewport && viewport.width <= 400) {
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    if (width > viewport.width)
      throw new Error(
        `${suite}/${name}: ${width} px wide on a ${viewport.width} px screen; past its edge: ${await pastEdge(page, viewport.width)}`,
      );
  }
  const lang = await page.evaluate<string>('document.documentElement.lang');
  if (lang === 'kk' || lang === 'ru') {
    const words = await latinWords(page);
    if (words.length) throw new Error(`${suite}/${name} (${lang}): Latin-script words ${words.join(', ')}`);
  }
}

/** The innermost elements reaching past the screen's right edge, named by tag, id and class. */
function pastEdge(page: Page, width: number): Promise<string> {
  return page.evaluate(`(() => {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= ${width} + 0.5 || r.width === 0) continue;
      if ([...el.children].some((c) => c.getBoundingClientRect().right > ${width} + 0.5)) continue;
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
      if (out.length === 5) break;
    }
    return out.join('; ') || 'nothing found';
  })()`);
}

/**
 * Latin-script words a Kazakh or Russian reader may see: abbreviations and names that have no
 * other spelling. Codes, hashes, ids and URLs are not words: a token with a digit, an address, and
 * text inside `translate="no"`, code, kbd or samp are left out.
 */
const LATIN_ALLOWED = new Set([
  'Saylau',
  'saylau-verify',
  // The specification's name (SPEC.md), cited by section.
  'SPEC',
  'QR',
  'CSV',
  'JSON',
  'JSONL',
  'SHA-256',
  'URL',
  'Excel',
  'Node.js',
  'Chromium',
  'English',
  'EN',
  'KK',
  'RU',
  'IP',
  'UTC',
  't',
  'n',
]);

/** The Latin-script words of the page's visible text outside the allow-list, each once. */
export async function latinWords(page: Page): Promise<string[]> {
  // Run in the page (this file has no DOM types): the visible text nodes outside the skipped elements.
  const text = await page.evaluate<string>(`(() => {
    const skip = 'code, kbd, samp, script, style, noscript, [translate="no"]';
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility()) continue;
      out.push(n.textContent || '');
    }
    out.push(document.title);
    return out.join(' ');
  })()`);
  const words = text
    .replace(/(?:https?:\/\/|file:\/\/|(?<![\p{L}\p{N}])\/)[^\s«»"“”]*/gu, ' ')
    .split(/[^\p{L}\p{N}\-.'’_]+/u)
    .map((w) => w.replace(/^[-.'’_]+|[-.'’_]+$/g, ''))
    // «QR-кодты»: an allowed abbreviation with a Kazakh or Russian ending.
    .map((w) => w.replace(/-[\p{Script=Cyrillic}]+$/u, ''))
    .filter((w) => /[A-Za-z]/.test(w) && !/\d/.test(w) && !LATIN_ALLOWED.has(w));
  return [...new Set(words)];
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Run axe-core in the page and return the serious and critical violations. The script is added
 * through playwright (CDP), which the page's Content-Security-Policy does not govern.
 */
export async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run();
    return r.violations as { id: string; impact: string | null; help: string; nodes: unknown[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}
