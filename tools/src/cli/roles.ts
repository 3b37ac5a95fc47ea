/**
 * `saylau trustee …` (run on a trustee's own machine, state file kept there) and
 * `saylau credentials …` (run offline by the credential authority; only the public list is uploaded).
 */
import type { Command } from 'commander';
import {
  answerComplaints,
  checkDealings,
  computeShare,
  deal,
  decryptTally,
  initTrustee,
  registerTrustee,
  type TrusteeApi,
} from '../trustee/index.ts';
import { generateCredentialFiles } from '../credentials/generate.ts';
import { boothUrlOf, fetchCredentialVoters } from '../credentials/authority.ts';
import { fetchLetterManifest, readLetterManifest } from '../credentials/manifest.ts';
import { publishCredentials } from '../credentials/publish-client.ts';
import { readCredentialVoters } from '../credentials/voters-client.ts';
import { ClientError } from '../http.ts';
import { apiOf, electionOption, print, serverOption, tokenOption } from './options.ts';
import { Code } from '@saylau/protocol';

type TrusteeOpts = { server: string; token?: string; state: string };

function trusteeApi(o: TrusteeOpts): TrusteeApi {
  const api = apiOf(o);
  if (!api.token)
    throw new ClientError('sign in first: --token or SAYLAU_TOKEN (`saylau session`)', Code.NOT_SIGNED_IN);
  return { baseUrl: api.baseUrl, token: api.token };
}

/** Run a trustee step and print what it did (its errors are the CLI's: the one ClientError, ../http.ts). */
const run = (f: (o: TrusteeOpts) => Promise<unknown>) => async (o: TrusteeOpts) => print(await f(o));

export function registerRoleCommands(program: Command): void {
  const trustee = program
    .command('trustee')
    .description("a trustee's side of the key ceremony and the decryption");
  trustee
    .command('init')
    .description('create this trustee\u2019s keys in a new state file (mode 0600; keep it safe and private)')
    .requiredOption('--state <file>', 'state file')
    .addOption(electionOption())
    .requiredOption('--name <name>', 'the name shown on the board')
    .action((o: { state: string; election: string; name: string }) => {
      initTrustee(o.state, { election: o.election, name: o.name });
      print(`trustee state written to ${o.state}`);
    });
  const step = (name: string, description: string, f: (api: TrusteeApi, file: string) => Promise<unknown>) =>
    trustee
      .command(name)
      .description(description)
      .addOption(serverOption())
      .addOption(tokenOption())
      .requiredOption('--state <file>', 'state file from `saylau trustee init`')
      .action(run((o) => f(trusteeApi(o), o.state)));
  step('register', 'register the public keys with the server (SPEC §10.6.1)', registerTrustee);
  step('deal', 'post the commitments and encrypted shares (SPEC §10.6.3)', deal);
  step(
    'check',
    'open and check the shares dealt to this trustee; complain about bad ones (§10.6.4)',
    checkDealings,
  );
  step('answer', 'answer complaints against this trustee\u2019s dealing (§10.6.4)', answerComplaints);
  step(
    'share',
    'after the joint key: compute and check this trustee\u2019s key share (§10.6.5)',
    computeShare,
  );
  step('decrypt', 'post the partial decryption of the tally, with proofs (§10.11)', (api, file) =>
    decryptTally(api, file),
  );

  const creds = program
    .command('credentials')
    .description('voter credentials (credential authority; SPEC §10.7)');
  creds
    .command('generate')
    .description(
      'offline: a secret code for every voter on the roll (CSV), addressed letters with QR codes (kk, ru), the public list and the private owner map',
    )
    .addOption(electionOption())
    .requiredOption('--out <dir>', 'an empty output directory')
    .option(
      '--voters <file>',
      'the voter list saved from GET …/credentials/voters, to work without a network (else fetched with --token)',
    )
    .option('--manifest <file>', 'the election manifest (JSON), to work without a network')
    .addOption(serverOption())
    .addOption(tokenOption())
    .option('--booth-url <url>', 'the booth address printed on the letters')
    .action(
      async (o: {
        election: string;
        out: string;
        voters?: string;
        manifest?: string;
        server: string;
        token?: string;
        boothUrl?: string;
      }) => {
        const manifest = o.manifest
          ? readLetterManifest(o.manifest, o.election)
          : await fetchLetterManifest(apiOf(o), o.election);
        const voters = o.voters
          ? readCredentialVoters(o.voters, o.election)
          : await fetchCredentialVoters(apiOf(o), o.election);
        const r = await generateCredentialFiles({
          election: o.election,
          voters,
          outDir: o.out,
          manifest,
          boothUrl: o.boothUrl ?? (o.manifest ? undefined : boothUrlOf(o.server, o.election)),
        });
        print(
          [
            `${r.count} credentials for ${r.election} in ${o.out}`,
            `  secret: ${r.files.codes}, ${r.files.letters}, ${r.files.owners} (mode 0600)`,
            `  public: ${r.files.publicList}`,
            `fingerprint of the public list: ${r.fingerprint}`,
          ].join('\n'),
        );
      },
    );
  creds
    .command('publish')
    .description(
      'upload the public list (public-credentials.json) and, for the server only, who holds which key (credential-owners.json)',
    )
    .addOption(serverOption())
    .addOption(tokenOption())
    .addOption(electionOption())
    .requiredOption('--file <public-credentials.json>', 'the public list written by `credentials generate`')
    .option('--owners <credential-owners.json>', 'the owner map (default: beside --file)')
    .action(async (o: { server: string; token?: string; election: string; file: string; owners?: string }) =>
      print(await publishCredentials(apiOf(o), o.election, o.file, o.owners)),
    );
}
