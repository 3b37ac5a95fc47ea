/**
 * `saylau vote`: cast a ballot from the terminal with the same ballot-client library the booth uses
 * (sign in, encrypt and prove on this machine, sign with the current board head, cast, check the
 * signed receipt), one choice per contest. For demos, tests and scripted checks; voters use the
 * browser booth. Every error is one line on stderr with its exit code, never a stack trace.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import {
  castEncrypted,
  fetchElection,
  login,
  prepareBallot,
  verifyReceipt,
  type PublicElection,
} from '@saylau/ballot-client';
import { CryptoError, parseCredentialCode } from '@saylau/crypto';
import { Code } from '@saylau/protocol';
import { ClientError } from '../http.ts';
import { electionOption, print, serverOption } from './options.ts';

/** Exit codes of `saylau vote` (README). */
export const VOTE_EXIT = { cast: 0, refused: 1, badInput: 2, unreachable: 3 } as const;

class VoteError extends Error {
  constructor(
    message: string,
    readonly exit: number,
  ) {
    super(message);
  }
}

/**
 * `--choice`: option numbers, 1 = first on the ballot, one per contest in ballot order (`--choice 2`,
 * `--choice 1,2`, `--choice 1 --choice 2`), or per contest by its id or number (`--choice road=1
 * --choice school=2`, `--choice 2=1,1=1`). One form at a time.
 */
const OptionNumber = z.coerce.number().int().min(1).max(64);
const Choice = z.union([z.tuple([OptionNumber]), z.tuple([z.string().trim().min(1).max(64), OptionNumber])]);
const Choices = z
  .array(Choice)
  .min(1)
  .max(16)
  .refine((cs) => new Set(cs.map((c) => c.length)).size === 1, 'one form at a time');
type Choices = z.output<typeof Choices>;

const CHOICE_FORMS = 'e.g. --choice 2, --choice 1,2 or --choice q1=1 --choice q2=2';

function parseChoices(values: string[]): Choices {
  const items = values.flatMap((v) => v.split(',')).map((v) => v.split('=').map((x) => x.trim()));
  const r = Choices.safeParse(items);
  if (!r.success)
    throw new VoteError(
      `--choice: give option numbers from 1, one per contest, in ballot order or as contest=option (${CHOICE_FORMS})`,
      VOTE_EXIT.badInput,
    );
  return r.data;
}

/** The choices fit the ballot: one per contest, each an option number of its contest; in ballot order. */
function checkChoices(e: PublicElection, choices: Choices): number[] {
  const contests = e.contests ?? [];
  const bad = (m: string) => new VoteError(`--choice: ${m}`, VOTE_EXIT.badInput);
  const ids = contests.map((c) => c.id).join(', ');
  let byContest: (number | undefined)[];
  if (choices[0]!.length === 1) {
    if (choices.length !== contests.length)
      throw bad(`the ballot has ${contests.length} contest(s) (${ids}): give one option number for each`);
    byContest = choices.map((c) => c[0] as number);
  } else {
    byContest = contests.map(() => undefined);
    for (const [key, n] of choices as [string, number][]) {
      const at = contests.findIndex((c, i) => c.id === key || String(i + 1) === key);
      if (at < 0) throw bad(`the ballot has no contest ${key}; its contests are ${ids}`);
      if (byContest[at] !== undefined) throw bad(`contest ${contests[at]!.id} is chosen twice`);
      byContest[at] = n;
    }
    const missing = contests.filter((_, i) => byContest[i] === undefined).map((c) => c.id);
    if (missing.length) throw bad(`no choice for contest ${missing.join(', ')} (the ballot has ${ids})`);
  }
  return contests.map((c, i) => {
    const n = byContest[i]!;
    if (n > c.options.length)
      throw bad(`contest ${c.id} has ${c.options.length} options; ${n} is not one of them`);
    return n;
  });
}

/** A library or server refusal as one line and the exit code it means. */
function asVoteError(e: unknown): VoteError {
  if (e instanceof VoteError) return e;
  if (e instanceof ClientError) {
    if (e.code === Code.NETWORK) return new VoteError(e.message, VOTE_EXIT.unreachable);
    const status = e.status ? `${e.status} ` : '';
    return new VoteError(`the server refused: ${status}${e.code}: ${e.message}`, VOTE_EXIT.refused);
  }
  if (e instanceof CryptoError) return new VoteError(`${e.field}: ${e.message}`, VOTE_EXIT.badInput);
  // Anything else is a fault of this program, still said in one line: no stack trace for a voter.
  return new VoteError(`unexpected error: ${e instanceof Error ? e.message : String(e)}`, VOTE_EXIT.refused);
}

async function vote(o: {
  server: string;
  election: string;
  iin: string;
  loginCode: string;
  credential: string;
  choice: string[];
}): Promise<void> {
  const given = parseChoices(o.choice);
  if (!z.url({ protocol: /^https?$/ }).safeParse(o.server).success)
    throw new VoteError(`--server: not an http(s) URL: ${o.server}`, VOTE_EXIT.badInput);
  // A typo in the credential code is caught here, before anything is sent (its check digits).
  try {
    parseCredentialCode(o.credential);
  } catch (e) {
    if (e instanceof CryptoError) throw new VoteError(`--credential: ${e.message}`, VOTE_EXIT.badInput);
    throw e;
  }
  const e = await fetchElection(o.server, o.election);
  const choices = checkChoices(e, given);
  const session = await login(o.server, o.election, o.iin, o.loginCode);
  const built = prepareBallot(
    e.params,
    o.election,
    o.credential,
    choices.map((c) => c - 1),
  );
  const { signed: r } = await castEncrypted(o.server, o.election, session.token, built.ballot, o.credential, {
    serverKeyHex: e.manifest.serverKey,
  });
  const ok = verifyReceipt(r.receipt, r.signature, e.manifest.serverKey);
  print(
    [
      ...(e.contests ?? []).map(
        (c, i) =>
          `Ballot cast for: ${c.options[choices[i]! - 1]!.names.en}${(e.contests?.length ?? 0) > 1 ? ` (${c.id})` : ''}`,
      ),
      `Tracker: ${r.receipt.tracker}   (board entry ${r.receipt.seq})`,
      `Receipt signature: ${ok ? 'valid' : 'INVALID — keep this output and tell the commission'}`,
    ].join('\n'),
  );
  if (!ok) process.exitCode = VOTE_EXIT.refused;
}

export function registerVoteCommand(program: Command): void {
  program
    .command('vote')
    .description('cast one ballot: sign in, encrypt on this machine, cast, check the receipt')
    .addOption(serverOption())
    .addOption(electionOption())
    .requiredOption('--iin <iin>', "the voter's IIN")
    .requiredOption(
      '--login-code <code>',
      'the login code from the invitation letter (it signs you in again)',
    )
    .requiredOption('--credential <code>', 'the credential code from the invitation letter')
    .addOption(
      new Option(
        '--choice <n>',
        'option number, 1 = first on the ballot: one per contest in ballot order (--choice 1,2 or repeated), or per contest as id=n or number=n (--choice q1=1 --choice q2=2)',
      )
        .argParser((v: string, prev: string[] = []) => [...prev, v])
        .makeOptionMandatory(),
    )
    .addHelpText(
      'after',
      '\n--server defaults to SAYLAU_SERVER, else http://127.0.0.1:8080.\nExit codes: 0 cast (receipt valid); 1 the server refused, or the receipt is invalid; 2 a bad argument\n(a missing option, a typo in a code, a choice not on the ballot); 3 the server could not be reached.',
    )
    // A missing or unknown option is a bad argument too: one line, exit 2, not the usage text.
    .showHelpAfterError(false)
    .configureOutput({
      outputError: (s) => console.error(`saylau vote: ${s.replace(/^error: /, '').trim()}`),
    })
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : VOTE_EXIT.badInput))
    .action(async (o: Parameters<typeof vote>[0]) => {
      try {
        await vote(o);
      } catch (e) {
        const v = asVoteError(e);
        console.error(`saylau vote: ${v.message.replace(/\s*\n\s*/g, ' ')}`);
        process.exitCode = v.exit;
      }
    });
}
