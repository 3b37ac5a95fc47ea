/**
 * Booth benchmark: encrypt and prove a 6-option ballot in Debian's Chromium, in the booth's
 * own Web Worker as served under the booth page's CSP, unthrottled and with the CPU throttled 6× over
 * CDP (Emulation.setCPUThrottlingRate, "a low-end phone"); and the bundle's size, raw and gzipped.
 * "encrypt+prove" is the worker's own timing of encryptBallot (SPEC §8.2); "round trip" is the page's
 * view of one encrypt request: credential key derivation, encryption, proofs, the audit data, and the
 * messages to and from the worker. The signature with the board anchor, made on the page only when
 * the voter casts, is not in either (bench/crypto.ts times it). Each figure is the median of --ballots runs after one warm-up.
 * Targets: < 50 ms unthrottled, < 1 s at 6×.
 * Run: npm run bench:booth [-- --ballots N]
 */
import { loadavg, cpus } from 'node:os';
import { launchChromium } from '../test/browser/chromium.ts';
import { startHarness, openElectionFixture } from '@saylau/test-kit';

const i = process.argv.indexOf('--ballots');
const N = i > 0 ? Number(process.argv[i + 1]) : 15;
const OPTIONS = 6;

/** Runs in the page: the booth's worker, one warm-up, then n encrypt requests, one at a time. */
const IN_PAGE = `async ({ workerUrl, params, election, code, n }) => {
  const worker = new Worker(workerUrl);
  let next = 0;
  const ask = (msg) => new Promise((resolve) => {
    const id = ++next;
    const on = (ev) => {
      if (ev.data.id !== id || ev.data.kind === 'progress') return;
      worker.removeEventListener('message', on);
      resolve(ev.data);
    };
    worker.addEventListener('message', on);
    worker.postMessage({ id, ...msg });
  });
  await ask({ kind: 'warm', params });
  const runs = [];
  for (let k = 0; k <= n; k++) {
    const t = performance.now();
    const r = await ask({ kind: 'encrypt', params, election, code, choices: [k % 6] });
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    if (k > 0) runs.push({ inWorker: r.result.ms, roundTrip: performance.now() - t });
  }
  worker.terminate();
  return runs;
}`;

interface Run {
  inWorker: number;
  roundTrip: number;
}

const h = await startHarness();
const browser = await launchChromium();
try {
  // 5 candidates and "against all": 6 options.
  const e = openElectionFixture(h, { voters: 2, candidates: OPTIONS - 1 });
  const booth = (await h.api('GET', '/api/booth')).body;
  const election = (await h.api('GET', `/api/elections/${e.id}`)).body;
  const page = await browser.newPage();
  await page.goto(`${h.url}/elections/${e.id}/booth?lang=en`);
  await page.waitForSelector('#iin');
  const cdp = await page.context().newCDPSession(page);

  const measure = async (rate: number): Promise<Run[]> => {
    const args = {
      workerUrl: booth.worker.url as string,
      params: election.params,
      election: e.id,
      code: e.credentials[0]!.code,
      n: rate === 1 ? N : Math.max(5, Math.ceil(N / 3)),
    };
    // Plain JavaScript text: tsx would wrap a function literal in helpers the page does not have.
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(args)})`)) as Run[];
  };

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const report = (label: string, runs: Run[], target: number) => {
    const w = median(runs.map((r) => r.inWorker));
    const rt = median(runs.map((r) => r.roundTrip));
    const ok = w < target ? 'meets' : 'MISSES';
    console.log(
      `${label.padEnd(22)} encrypt+prove ${w.toFixed(1).padStart(7)} ms   round trip ${rt.toFixed(1).padStart(7)} ms   (${runs.length} ballots; ${ok} the ${target} ms target)`,
    );
  };

  const version = browser.version();
  console.log(`Chromium ${version}, ${cpus().length} cores (${cpus()[0]?.model.trim()})`);
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const fast = await measure(1);
  report('unthrottled', fast, 50);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  report('CPU throttled 6x', await measure(6), 1000);
  // CDP throttling caps the renderer at 1/6 of wall-clock time; on a loaded machine the unthrottled
  // run already had less than a whole core, so the measured ratio is below 6. Six times the
  // unthrottled median is the conservative figure for a phone six times slower.
  const six = 6 * median(fast.map((r) => r.roundTrip));
  console.log(
    `${'6 x unthrottled'.padEnd(22)} round trip ${six.toFixed(1).padStart(7)} ms   (conservative bound for a 6x slower phone)`,
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  console.log(
    `load average after:  ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const part of ['bundle', 'worker', 'css'] as const)
    console.log(
      `${part.padEnd(7)} ${kb(booth[part].bytes).padStart(9)} raw ${kb(booth[part].gzipBytes).padStart(8)} gzipped   ${booth[part].url}`,
    );
  const raw = booth.bundle.bytes + booth.worker.bytes + booth.css.bytes;
  const gz = booth.bundle.gzipBytes + booth.worker.gzipBytes + booth.css.gzipBytes;
  console.log(`total   ${kb(raw).padStart(9)} raw ${kb(gz).padStart(8)} gzipped   (limit 200 KB gzipped)`);
  console.log(`bundle SHA-256 ${booth.bundle.sha256}`);
} finally {
  await browser.close();
  await h.close();
}
