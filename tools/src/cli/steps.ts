/** The election steps over HTTP (SPEC §10): one subcommand per endpoint, for scripted use. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { call, callText, CliError } from './http.ts';
import {
  apiOf,
  electionCommand,
  intArg,
  print,
  readJsonFile,
  readText,
  serverOption,
  tokenOption,
  type ElectionConn,
} from './options.ts';
import { Code } from '@saylau/protocol';

type Conn = ElectionConn;
/** What `election list` prints of GET /api/elections (SPEC §10.8). */
interface PublicElection {
  id: string;
  kind: string;
  status: string;
  manifest: { district: { en: string }; electionDay: string };
}
const path = (o: Conn, rest = '') => `/api/elections/${encodeURIComponent(o.election)}${rest}`;

const step = electionCommand;

export function registerStepCommands(program: Command): void {
  program
    .command('session')
    .description('sign in and print a session token (export it as SAYLAU_TOKEN)')
    .addOption(serverOption())
    .requiredOption('--name <name>', 'user name')
    .option('--password-file <file>', 'read the password from a file (else SAYLAU_PASSWORD)')
    .action(async (o: { server: string; name: string; passwordFile?: string }) => {
      const password = o.passwordFile ? readText(o.passwordFile).trim() : process.env.SAYLAU_PASSWORD;
      if (!password)
        throw new CliError('give the password with --password-file or SAYLAU_PASSWORD', Code.BAD_ARGUMENT);
      const r = await call(apiOf(o), 'POST', '/api/session', { name: o.name, password });
      print(r.token);
    });

  const election = program.command('election').description('create, inspect, open and close elections');
  election
    .command('create')
    .description('create an election from a JSON file (SPEC §10.1)')
    .addOption(serverOption())
    .addOption(tokenOption())
    .requiredOption('--file <election.json>', 'district, electionDay, calendar, profile, questions')
    .action(async (o: { server: string; token?: string; file: string }) =>
      print(await call(apiOf(o), 'POST', '/api/elections', readJsonFile(o.file))),
    );
  election
    .command('list')
    .description('the elections this account holds (SPEC §10.13; an administrator: all)')
    .addOption(serverOption())
    .addOption(tokenOption())
    .action(async (o: { server: string; token?: string }) => {
      const api = apiOf(o);
      const held = new Set((await call<{ elections: string[] }>(api, 'GET', '/api/session')).elections);
      const all = (await call<{ elections: PublicElection[] }>(api, 'GET', '/api/elections')).elections;
      print(
        all
          .filter((e) => held.has(e.id))
          .map((e) => ({
            id: e.id,
            kind: e.kind,
            status: e.status,
            district: e.manifest.district.en,
            electionDay: e.manifest.electionDay,
          })),
      );
    });
  step(election, 'show', 'the public state of an election').action(async (o: Conn) =>
    print(await call(apiOf(o), 'GET', path(o))),
  );
  step(election, 'open', 'open the vote (SPEC §10.8)').action(async (o: Conn) =>
    print(await call(apiOf(o), 'POST', path(o, '/open'), {})),
  );
  step(election, 'close', 'close the vote and post the encrypted tally (SPEC §10.10)').action(
    async (o: Conn) => print(await call(apiOf(o), 'POST', path(o, '/close'), {})),
  );

  const roll = program.command('roll').description('the voter roll (SPEC §10.3)');
  step(roll, 'import', 'upload a roll CSV; prints the rejected rows; nothing is imported until `roll accept`')
    .requiredOption('--file <roll.csv>', 'CSV: IIN, surname, given name, patronymic, settlement, address')
    .action(async (o: Conn & { file: string }) =>
      print(await call(apiOf(o), 'POST', path(o, '/roll/imports'), readText(o.file), 'text/csv')),
    );
  step(roll, 'accept', 'accept the valid rows of an import')
    .requiredOption('--import <n>', 'import number', intArg('--import', 1, 2 ** 31))
    .action(async (o: Conn & { import: number }) =>
      print(await call(apiOf(o), 'POST', path(o, `/roll/imports/${o.import}/accept`), {})),
    );

  const nomination = program.command('nomination').description('nominations and registration (SPEC §10.4)');
  step(nomination, 'akim', 'record the sitting district akim, who may not nominate')
    .requiredOption('--file <akim.json>', '{iin, fullName}')
    .action(async (o: Conn & { file: string }) =>
      print(await call(apiOf(o), 'PUT', path(o, '/akim'), readJsonFile(o.file))),
    );
  step(nomination, 'submit', 'submit a nomination from a JSON file')
    .requiredOption('--file <nomination.json>', 'route, candidate, attestations, submittedBy')
    .action(async (o: Conn & { file: string }) =>
      print(await call(apiOf(o), 'POST', path(o, '/nominations'), readJsonFile(o.file))),
    );
  step(nomination, 'signatures', "check and record a nomination's supporting signatures")
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .requiredOption('--file <iins.txt>', 'one signer IIN a line')
    .action(async (o: Conn & { nomination: number; file: string }) => {
      const iins = readText(o.file)
        .split(/\r?\n/)
        .map((l) => l.replace(/^\ufeff/, '').trim())
        .filter((l) => l !== '');
      print(await call(apiOf(o), 'POST', path(o, `/nominations/${o.nomination}/signatures`), { iins }));
    });
  step(nomination, 'register', 'register the candidate (SPEC §10.4)')
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .action(async (o: Conn & { nomination: number }) =>
      print(await call(apiOf(o), 'POST', path(o, `/nominations/${o.nomination}/register`), {})),
    );
  step(nomination, 'refuse', 'refuse a nomination with a reason')
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .requiredOption('--reason <text>', 'the reason, as the commission decided it')
    .action(async (o: Conn & { nomination: number; reason: string }) =>
      print(
        await call(apiOf(o), 'POST', path(o, `/nominations/${o.nomination}/refuse`), { reason: o.reason }),
      ),
    );
  step(nomination, 'extend', 'extend nomination when fewer than two candidates stand')
    .requiredOption('--days <d>', 'days, 1 to 5', intArg('--days', 1, 5))
    .action(async (o: Conn & { days: number }) =>
      print(await call(apiOf(o), 'POST', path(o, '/nominations/extend'), { days: o.days })),
    );
  step(program, 'fix-ballot', 'fix the ballot at registration close (SPEC §10.5)').action(async (o: Conn) =>
    print(await call(apiOf(o), 'POST', path(o, '/ballot/fix'), {})),
  );

  const ceremony = program.command('ceremony').description('the key ceremony, commission side (SPEC §10.6)');
  step(ceremony, 'start', 'start the ceremony with the registered trustees')
    .requiredOption('--threshold <t>', 'trustees needed to decrypt', intArg('--threshold', 2, 15))
    .action(async (o: Conn & { threshold: number }) =>
      print(await call(apiOf(o), 'POST', path(o, '/ceremony/start'), { t: o.threshold })),
    );
  step(ceremony, 'status', 'who has registered, dealt and complained').action(async (o: Conn) =>
    print(await call(apiOf(o), 'GET', path(o, '/ceremony'))),
  );
  step(ceremony, 'finish', 'publish the joint key when every check passes').action(async (o: Conn) =>
    print(await call(apiOf(o), 'POST', path(o, '/ceremony/finish'), {})),
  );
  step(ceremony, 'reset', 'start the ceremony again before its joint key (SPEC §10.6.7)')
    .requiredOption('--reason <text>', 'why, as the commission decided it (published on the board)')
    .action(async (o: Conn & { reason: string }) =>
      print(await call(apiOf(o), 'POST', path(o, '/ceremony/reset'), { reason: o.reason })),
    );

  step(program, 'login-codes', "issue every roll voter's one-time login code (shown once)")
    .requiredOption('--out <file.json>', 'where to write the codes (keep it secret)')
    .action(async (o: Conn & { out: string }) => {
      const r = await call(apiOf(o), 'POST', path(o, '/login-codes'), {});
      writeFileSync(o.out, JSON.stringify(r, null, 2), { mode: 0o600 });
      print(`login codes written to ${o.out}`);
    });

  const board = program.command('board').description('the public bulletin board (SPEC §9)');
  step(board, 'export', 'download the board as JSON Lines')
    .requiredOption('--out <board.jsonl>', 'output file')
    .option('--from <seq>', 'first entry', intArg('--from', 0, 2 ** 31), 0)
    .action(async (o: Conn & { out: string; from: number }) => {
      writeFileSync(o.out, await callText(apiOf(o), path(o, `/board?from=${o.from}`)));
      print(`board written to ${o.out}`);
    });

  const result = program.command('result').description('the published result (SPEC §10.12)');
  step(result, 'show', 'the result as JSON').action(async (o: Conn) =>
    print(await call(apiOf(o), 'GET', path(o, '/result'))),
  );
  step(result, 'protocol', 'the printable result protocol (HTML)')
    .option('--lang <lang>', 'kk | ru | en', 'kk')
    .requiredOption('--out <protocol.html>', 'output file')
    .action(async (o: Conn & { lang: string; out: string }) => {
      if (!['kk', 'ru', 'en'].includes(o.lang))
        throw new CliError('--lang: expected kk, ru or en', Code.BAD_ARGUMENT);
      writeFileSync(o.out, await callText(apiOf(o), path(o, `/result/protocol?lang=${o.lang}`)));
      print(`protocol written to ${o.out}`);
    });

  program
    .command('api')
    .description('call any endpoint (SPEC §10): for steps without their own command')
    .argument('<method>', 'GET | POST | PUT')
    .argument('<path>', 'e.g. /api/elections/ID/login-codes/IIN')
    .addOption(serverOption())
    .addOption(tokenOption())
    .option('--file <body.json>', 'JSON body')
    .action(async (method: string, p: string, o: { server: string; token?: string; file?: string }) => {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT'].includes(m))
        throw new CliError('<method>: expected GET, POST or PUT', Code.BAD_ARGUMENT);
      if (!p.startsWith('/api/'))
        throw new CliError('<path>: expected a path starting with /api/', Code.BAD_ARGUMENT);
      print(await call(apiOf(o), m, p, o.file ? readJsonFile(o.file) : m === 'GET' ? undefined : {}));
    });
}
