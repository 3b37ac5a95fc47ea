/**
 * `saylau-verify <board.jsonl | URL>`: the observer's command (SPEC §11). Exit 0: complete and every
 * check passes; 1: a check failed; 2: unusable input; 3: everything present passes, not finished.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { LANGS, isLang, type Lang } from '@saylau/protocol/lang';
import { message } from './catalog.ts';
import {
  checkpointsFile,
  extendsMirror,
  headUrl,
  loadMirror,
  MirrorError,
  parseJson,
  saveMirror,
  type MirrorState,
  type SignedCheckpoint,
} from './mirror.ts';
import { renderReport } from './render.ts';
import { SignedCheckpointSchema, SignedFileSchema, splitSigned } from './signed.ts';
import { unusableReport, verifyBoard, type Report, type VerifyOptions } from './verify.ts';

/** Boards with more ballots than this get a progress bar on stderr. */
const PROGRESS_ABOVE = 1000;
/** A board export is JSON Lines; a server's board is fetched over HTTP(S). */
const URL_RE = /^https?:\/\//i;

class InputError extends Error {}

const Options = z
  .object({
    json: z.boolean().default(false),
    lang: z.enum(LANGS).optional(),
    since: z.string().min(1).optional(),
    checkpoint: z.array(z.string().min(1)).default([]),
    workers: z.coerce.number().int().min(0).max(64).optional(),
    mirror: z.string().min(1).optional(),
  })
  .strict()
  .refine((o) => !(o.mirror && o.since), { message: '--mirror is its own --since: give one of them' });

/** The report's language: --lang, else the environment's (kk or ru), else English. */
function languageOf(requested: Lang | undefined): Lang {
  if (requested) return requested;
  const env = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').slice(0, 2);
  return isLang(env) ? env : 'en';
}

async function readSource(source: string): Promise<string> {
  try {
    if (!URL_RE.test(source)) return readFileSync(source, 'utf8');
    const res = await fetch(source, { signal: AbortSignal.timeout(120_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.text();
  } catch (e) {
    throw new InputError(message('en', 'cli.fetchFailed', { source, detail: (e as Error).message }));
  }
}

async function readSigned(
  files: string[],
): Promise<{ checkpoints: SignedCheckpoint[]; receipts: unknown[] }> {
  const checkpoints: SignedCheckpoint[] = [];
  const receipts: unknown[] = [];
  for (const file of files) {
    let parsed: z.infer<typeof SignedFileSchema>;
    try {
      parsed = SignedFileSchema.parse(JSON.parse(await readSource(file)));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(
        `${file}: not a signed checkpoint or receipt (JSON {checkpoint|receipt, signature})`,
      );
    }
    const signed = splitSigned(parsed);
    checkpoints.push(...signed.checkpoints);
    receipts.push(...signed.receipts);
  }
  return { checkpoints, receipts };
}

/** The mirror's kept board and heads, and the server's current signed head when given a URL. */
async function openMirror(file: string, source: string): Promise<MirrorState & { head?: SignedCheckpoint }> {
  let state: MirrorState;
  try {
    state = loadMirror(file);
  } catch (e) {
    if (e instanceof MirrorError) throw new InputError(e.message);
    throw new InputError(message('en', 'cli.fetchFailed', { source: file, detail: (e as Error).message }));
  }
  if (!URL_RE.test(source)) return state;
  const url = headUrl(source);
  if (!url) throw new InputError(message('en', 'cli.mirrorUrl', { source }));
  const head = SignedCheckpointSchema.safeParse(parseJson(await readSource(url)));
  if (!head.success) throw new InputError(`${url}: not a signed checkpoint`);
  return { ...state, head: head.data };
}

/** Update the mirror only when the board extends it and matches every signed head (stderr). */
function reportMirror(
  lang: Lang,
  file: string,
  mirror: MirrorState & { head?: SignedCheckpoint },
  board: string,
  report: Report,
): void {
  if (!extendsMirror(report)) {
    console.error(message(lang, 'cli.mirrorKept', { file, checkpoints: checkpointsFile(file) }));
    return;
  }
  const before = mirror.since === undefined ? 0 : mirror.since.split('\n').filter(Boolean).length;
  const heads = saveMirror(file, board, mirror.checkpoints, mirror.head);
  console.error(
    message(lang, 'cli.mirrorSaved', {
      file,
      entries: report.entries,
      added: report.entries - before,
      heads,
    }),
  );
}

function progressBar(label: string): VerifyOptions['progress'] {
  let bar: SingleBar | null = null;
  return (done, total) => {
    if (total <= PROGRESS_ABOVE) return;
    if (!bar) {
      bar = new SingleBar({
        format: `${label} [{bar}] {percentage}% {value}/{total} {eta}s`,
        stream: process.stderr,
        hideCursor: true,
      });
      bar.start(total, 0);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('saylau-verify')
    .description('Verify a Saylau election end to end from its published bulletin board (SPEC §11).')
    .argument('<board>', 'board export (board.jsonl) or the URL of a server’s board')
    .option('--json', 'write the machine-readable report to stdout')
    .addOption(new Option('--lang <lang>', 'language of the report').choices([...LANGS]))
    .option('--since <old>', 'an earlier export (file or URL) that this board must extend entry for entry')
    .option(
      '--checkpoint <file>',
      'a signed checkpoint or cast receipt (JSON) the board must match; repeatable',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--workers <n>', 'worker threads for ballot proofs (0 = none; default: CPU count)')
    .option(
      '--mirror <file>',
      'keep a verified copy of the board and its signed heads in FILE; each run checks the board extends it',
    )
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const parsedOpts = Options.safeParse(program.opts());
  if (!parsedOpts.success) {
    console.error(
      `saylau-verify: ${message('en', 'cli.badOption', { detail: z.prettifyError(parsedOpts.error) })}`,
    );
    return 2;
  }
  const opts = parsedOpts.data;
  const lang = languageOf(opts.lang);
  const [source] = program.args as [string];
  try {
    // The mirror's signed head is fetched before the board, so the board reaches at least that far.
    const mirror = opts.mirror === undefined ? undefined : await openMirror(opts.mirror, source);
    const text = await readSource(source);
    const since = opts.since === undefined ? mirror?.since : await readSource(opts.since);
    const signed = await readSigned(opts.checkpoint);
    if (mirror) signed.checkpoints.push(...mirror.checkpoints, ...(mirror.head ? [mirror.head] : []));
    const report = await verifyBoard(text, {
      ...signed,
      ...(since === undefined ? {} : { since }),
      ...(opts.workers === undefined ? {} : { workers: opts.workers }),
      progress: process.stderr.isTTY ? progressBar(message(lang, 'cli.progress')) : undefined,
    });
    process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report, lang));
    if (mirror && opts.mirror) reportMirror(lang, opts.mirror, mirror, text, report);
    return report.exitCode;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (opts.json) process.stdout.write(JSON.stringify(unusableReport(e.message), null, 2) + '\n');
    else console.error(`saylau-verify: ${e.message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv);
