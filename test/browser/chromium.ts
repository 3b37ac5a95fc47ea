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

/** Save a full-page screenshot as test-artifacts/<suite>/<name>.png. */
export async function screenshot(page: Page, suite: string, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactDir(suite), `${name}.png`), fullPage: true });
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
