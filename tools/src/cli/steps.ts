/** The election steps over HTTP (SPEC §10): one subcommand per endpoint, for scripted use. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { call, callAsSent, callText, ClientError, type Api } from '../http.ts';
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
import { Code, ENDPOINT_TABLE, ENDPOINTS, type CallArgs, type Endpoint } from '@saylau/protocol';

type Conn = ElectionConn;
const step = electionCommand;
/** The election of a subcommand as the path parameter of its endpoint. */
const id = (o: Conn) => ({ id: o.election });
/** A request body read from a JSON file, sent as it is: the server checks it (SPEC §10.13). */
const fileBody = <E extends Endpoint>(_e: E, file: string) => readJsonFile(file) as CallArgs<E>['body'];
/** Call `e` and print its JSON answer as the server sent it (checked against the row's schema). */
/** One signer IIN a line of a text file (a BOM and blank lines ignored). */
const iinsOf = (file: string) =>
  readText(file)
    .split(/\r?\n/)
    .map((l) => l.replace(/^\ufeff/, '').trim())
    .filter((l) => l !== '');
const show = async <const E extends Endpoint>(api: Api, e: E, args: CallArgs<E>) =>
  print(await callAsSent(api, e, args));

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
        throw new ClientError('give the password with --password-file or SAYLAU_PASSWORD', Code.BAD_ARGUMENT);
      const r = await call(apiOf(o), ENDPOINTS.signIn, { body: { name: o.name, password } });
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
      show(apiOf(o), ENDPOINTS.createElection, { body: fileBody(ENDPOINTS.createElection, o.file) }),
    );
  election
    .command('list')
    .description('the elections this account holds (SPEC §10.13; an administrator: all)')
    .addOption(serverOption())
    .addOption(tokenOption())
    .action(async (o: { server: string; token?: string }) => {
      const api = apiOf(o);
      const held = new Set((await call(api, ENDPOINTS.sessionInfo, {})).elections);
      const all = (await call(api, ENDPOINTS.listElections, {})).elections;
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
  step(election, 'show', 'the public state of an election').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.election, { params: id(o) }),
  );
  step(election, 'open', 'open the vote (SPEC §10.8)').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.openVoting, { params: id(o), body: {} }),
  );
  step(election, 'close', 'close the vote and post the encrypted tally (SPEC §10.10)').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.closeVoting, { params: id(o), body: {} }),
  );

  const roll = program.command('roll').description('the voter roll (SPEC §10.3)');
  step(roll, 'import', 'upload a roll CSV; prints the rejected rows; nothing is imported until `roll accept`')
    .requiredOption('--file <roll.csv>', 'CSV: IIN, surname, given name, patronymic, settlement, address')
    .action((o: Conn & { file: string }) =>
      show(apiOf(o), ENDPOINTS.importRoll, { params: id(o), body: readText(o.file) }),
    );
  step(roll, 'accept', 'accept the valid rows of an import')
    .requiredOption('--import <n>', 'import number', intArg('--import', 1, 2 ** 31))
    .action((o: Conn & { import: number }) =>
      show(apiOf(o), ENDPOINTS.acceptRoll, { params: { ...id(o), n: o.import }, body: {} }),
    );

  const initiative = program.command('initiative').description("a referendum's initiative (SPEC §10.1.2)");
  step(initiative, 'signatures', "record the initiative by voters' signatures")
    .requiredOption('--file <iins.txt>', 'one signer IIN a line')
    .action((o: Conn & { file: string }) =>
      show(apiOf(o), ENDPOINTS.recordInitiative, {
        params: id(o),
        body: { kind: 'signatures', iins: iinsOf(o.file) },
      }),
    );
  step(initiative, 'assembly', "record the initiative by a citizens' assembly")
    .requiredOption('--file <assembly.json>', '{date, place, attendance, votesFor, chairIin}')
    .action((o: Conn & { file: string }) =>
      show(apiOf(o), ENDPOINTS.recordInitiative, {
        params: id(o),
        body: { kind: 'citizen-assembly', ...(readJsonFile(o.file) as object) } as CallArgs<
          typeof ENDPOINTS.recordInitiative
        >['body'],
      }),
    );
  step(initiative, 'show', 'print the recorded initiative').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.initiative, { params: id(o) }),
  );

  const nomination = program.command('nomination').description('nominations and registration (SPEC §10.4)');
  step(nomination, 'akim', 'record the sitting district akim, who may not nominate')
    .requiredOption('--file <akim.json>', '{iin, fullName}')
    .action((o: Conn & { file: string }) =>
      show(apiOf(o), ENDPOINTS.setAkim, { params: id(o), body: fileBody(ENDPOINTS.setAkim, o.file) }),
    );
  step(nomination, 'submit', 'submit a nomination from a JSON file')
    .requiredOption('--file <nomination.json>', 'route, candidate, attestations, submittedBy')
    .action((o: Conn & { file: string }) =>
      show(apiOf(o), ENDPOINTS.nominate, { params: id(o), body: fileBody(ENDPOINTS.nominate, o.file) }),
    );
  step(nomination, 'signatures', "check and record a nomination's supporting signatures")
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .requiredOption('--file <iins.txt>', 'one signer IIN a line')
    .action(async (o: Conn & { nomination: number; file: string }) => {
      await show(apiOf(o), ENDPOINTS.submitSignatures, {
        params: { ...id(o), n: o.nomination },
        body: { iins: iinsOf(o.file) },
      });
    });
  step(nomination, 'register', 'register the candidate (SPEC §10.4)')
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .action((o: Conn & { nomination: number }) =>
      show(apiOf(o), ENDPOINTS.registerCandidate, { params: { ...id(o), n: o.nomination }, body: {} }),
    );
  step(nomination, 'refuse', 'refuse a nomination with a reason')
    .requiredOption('--nomination <n>', 'nomination number', intArg('--nomination', 1, 2 ** 31))
    .requiredOption('--reason <text>', 'the reason, as the commission decided it')
    .action((o: Conn & { nomination: number; reason: string }) =>
      show(apiOf(o), ENDPOINTS.refuseNomination, {
        params: { ...id(o), n: o.nomination },
        body: { reason: o.reason },
      }),
    );
  step(nomination, 'extend', 'extend nomination when fewer than two candidates stand')
    .requiredOption('--days <d>', 'days, 1 to 5', intArg('--days', 1, 5))
    .action((o: Conn & { days: number }) =>
      show(apiOf(o), ENDPOINTS.extendNomination, { params: id(o), body: { days: o.days } }),
    );
  step(program, 'fix-ballot', 'fix the ballot at registration close (SPEC §10.5)').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.fixBallot, { params: id(o), body: {} }),
  );

  const ceremony = program.command('ceremony').description('the key ceremony, commission side (SPEC §10.6)');
  step(ceremony, 'start', 'start the ceremony with the registered trustees')
    .requiredOption('--threshold <t>', 'trustees needed to decrypt', intArg('--threshold', 2, 15))
    .action((o: Conn & { threshold: number }) =>
      show(apiOf(o), ENDPOINTS.startCeremony, { params: id(o), body: { t: o.threshold } }),
    );
  step(ceremony, 'status', 'who has registered, dealt and complained').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.ceremony, { params: id(o) }),
  );
  step(ceremony, 'finish', 'publish the joint key when every check passes').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.finishCeremony, { params: id(o), body: {} }),
  );
  step(ceremony, 'reset', 'start the ceremony again before its joint key (SPEC §10.6.7)')
    .requiredOption('--reason <text>', 'why, as the commission decided it (published on the board)')
    .action((o: Conn & { reason: string }) =>
      show(apiOf(o), ENDPOINTS.resetCeremony, { params: id(o), body: { reason: o.reason } }),
    );

  step(program, 'login-codes', "issue every roll voter's one-time login code (shown once)")
    .requiredOption('--out <file.json>', 'where to write the codes (keep it secret)')
    .action(async (o: Conn & { out: string }) => {
      const r = await callAsSent(apiOf(o), ENDPOINTS.issueLoginCodes, { params: id(o), body: {} });
      writeFileSync(o.out, JSON.stringify(r, null, 2), { mode: 0o600 });
      print(`login codes written to ${o.out}`);
    });

  const board = program.command('board').description('the public bulletin board (SPEC §9)');
  step(board, 'export', 'download the board as JSON Lines')
    .requiredOption('--out <board.jsonl>', 'output file')
    .option('--from <seq>', 'first entry', intArg('--from', 0, 2 ** 31), 0)
    .action(async (o: Conn & { out: string; from: number }) => {
      writeFileSync(o.out, await call(apiOf(o), ENDPOINTS.board, { params: id(o), query: { from: o.from } }));
      print(`board written to ${o.out}`);
    });

  const result = program.command('result').description('the published result (SPEC §10.12)');
  step(result, 'show', 'the result as JSON').action((o: Conn) =>
    show(apiOf(o), ENDPOINTS.result, { params: id(o) }),
  );
  step(result, 'protocol', 'the printable result protocol (HTML)')
    .option('--lang <lang>', 'kk | ru | en', 'kk')
    .requiredOption('--out <protocol.html>', 'output file')
    .action(async (o: Conn & { lang: string; out: string }) => {
      if (!['kk', 'ru', 'en'].includes(o.lang))
        throw new ClientError('--lang: expected kk, ru or en', Code.BAD_ARGUMENT);
      writeFileSync(
        o.out,
        await call(apiOf(o), ENDPOINTS.resultProtocol, { params: id(o), query: { lang: o.lang } }),
      );
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
        throw new ClientError('<method>: expected GET, POST or PUT', Code.BAD_ARGUMENT);
      if (!p.startsWith('/api/'))
        throw new ClientError('<path>: expected a path starting with /api/', Code.BAD_ARGUMENT);
      const { e, params, query } = endpointAt(m, p);
      const body = o.file ? readJsonFile(o.file) : m === 'GET' ? undefined : {};
      // The row is found at run time, so its body's type is not known here: the server checks it.
      const args = { params, query, body } as unknown as CallArgs<Endpoint>;
      // A raw answer (JSON Lines, CSV, HTML), or a JSON endpoint's CSV form (`?format=csv`).
      if (typeof e.response === 'string' || query.format === 'csv') print(await callText(apiOf(o), e, args));
      else print(await callAsSent(apiOf(o), e, args));
    });
}

/** The row of the endpoint table that `method path` names, with its path parameters and query. */
export function endpointAt(method: string, target: string) {
  const url = new URL(target, 'http://localhost');
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const e of ENDPOINT_TABLE) {
    if (e.method !== method) continue;
    const names = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((x) => x[1]!);
    const pattern = e.path
      .split(/:[A-Za-z]+/)
      .map(escape)
      .join('([^/]+)');
    const found = new RegExp(`^${pattern}$`).exec(url.pathname);
    if (!found) continue;
    try {
      const params = Object.fromEntries(names.map((n, k) => [n, decodeURIComponent(found[k + 1]!)]));
      return { e, params, query: Object.fromEntries(url.searchParams) };
    } catch {
      throw new ClientError(`<path>: a bad escape in ${target}`, Code.BAD_ARGUMENT);
    }
  }
  throw new ClientError(`<path>: the API has no ${method} ${url.pathname} (SPEC §10)`, Code.BAD_ARGUMENT);
}
