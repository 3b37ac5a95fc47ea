/**
 * `saylau vote`: cast a ballot from the terminal with the same ballot-client library the booth uses
 * (sign in, encrypt and prove on this machine, sign with the current board head, cast, check the
 * signed receipt). For demos and tests;
 * voters use the browser booth.
 */
import type { Command } from 'commander';
import { castEncrypted, fetchElection, login, prepareBallot, verifyReceipt } from '@saylau/ballot-client';
import { ClientError } from '../http.ts';
import { electionOption, intArg, print, serverOption } from './options.ts';
import { Code } from '@saylau/protocol';

export function registerVoteCommand(program: Command): void {
  program
    .command('vote')
    .description('cast one ballot: sign in, encrypt on this machine, cast, check the receipt')
    .addOption(serverOption())
    .addOption(electionOption())
    .requiredOption('--iin <iin>', "the voter's IIN")
    .requiredOption('--login-code <code>', 'the one-time login code')
    .requiredOption('--credential <code>', 'the credential code from the invitation letter')
    .requiredOption('--choice <n>', 'option number, 1 = first on the ballot', intArg('--choice', 1, 64))
    .action(
      async (o: {
        server: string;
        election: string;
        iin: string;
        loginCode: string;
        credential: string;
        choice: number;
      }) => {
        try {
          const e = await fetchElection(o.server, o.election);
          const options = e.contests?.[0]?.options ?? [];
          if (o.choice > options.length)
            throw new ClientError(`--choice: the ballot has ${options.length} options`, Code.BAD_ARGUMENT);
          const session = await login(o.server, o.election, o.iin, o.loginCode);
          const built = prepareBallot(e.params, o.election, o.credential, [o.choice - 1]);
          const { signed: r } = await castEncrypted(
            o.server,
            o.election,
            session.token,
            built.ballot,
            o.credential,
            { serverKeyHex: e.manifest.serverKey },
          );
          const ok = verifyReceipt(r.receipt, r.signature, e.manifest.serverKey);
          print(
            [
              `Ballot cast for: ${options[o.choice - 1]!.names.en}`,
              `Tracker: ${r.receipt.tracker}   (board entry ${r.receipt.seq})`,
              `Receipt signature: ${ok ? 'valid' : 'INVALID — keep this output and tell the commission'}`,
            ].join('\n'),
          );
          if (!ok) process.exitCode = 1;
        } catch (e) {
          // The booth library's refusals are the same ClientError: printed without their details.
          if (e instanceof ClientError) throw new ClientError(e.message, e.code);
          throw e;
        }
      },
    );
}
