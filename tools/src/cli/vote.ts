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

/** `--choice 2`, `--choice 1,2` or `--choice 1 --choice 2`: option numbers, 1 = first on the ballot. */
const Choices = z.array(z.coerce.number().int().min(1).max(64)).min(1).max(16);

function parseChoices(values: string[]): number[] {
  const r = Choices.safeParse(values.flatMap((v) => v.split(',')).map((v) => v.trim()));
  if (!r.success)
    throw new VoteError(
      '--choice: give option numbers from 1, one per contest (e.g. --choice 2 or --choice 1,2)',
      2,
    );
  return r.data;
}

/** The choices fit the ballot: one per contest, each an option number of its contest. */
function checkChoices(e: PublicElection, choices: number[]): void {
  const contests = e.contests ?? [];
  if (choices.length !== contests.length)
    throw new VoteError(
      `--choice: the ballot has ${contests.length} contest(s) (${contests.map((c) => c.id).join(', ')}): give one option number for each`,
      VOTE_EXIT.badInput,
    );
  contests.forEach((c, i) => {
    if (choices[i]! > c.options.length)
      throw new VoteError(
        `--choice: contest ${c.id} has ${c.options.length} options; ${choices[i]} is not one of them`,
        VOTE_EXIT.badInput,
      );
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
  throw e;
}

async function vote(o: {
  server: string;
  election: string;
  iin: string;
  loginCode: string;
  credential: string;
  choice: string[];
}): Promise<void> {
  const choices = parseChoices(o.choice);
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
  checkChoices(e, choices);
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
        'option number per contest, 1 = first on the ballot; several contests: --choice 1,2 or repeat it',
      )
        .argParser((v: string, prev: string[] = []) => [...prev, v])
        .makeOptionMandatory(),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 cast (receipt valid); 1 the server refused, or the receipt is invalid; 2 a bad argument\n(a typo in a code, a choice not on the ballot); 3 the server could not be reached.',
    )
    .action(async (o: Parameters<typeof vote>[0]) => {
      try {
        await vote(o);
      } catch (e) {
        const v = asVoteError(e);
        console.error(`saylau vote: ${v.message}`);
        process.exitCode = v.exit;
      }
    });
}
