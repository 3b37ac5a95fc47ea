/** `saylau serve`, `saylau user add` and `saylau user unlock`: the commission's server and its accounts. */
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  openDatabase,
  createContext,
  createUser,
  RoleSchema,
  clearFailures,
  DB_FILE,
  startServer,
  loosePermissions,
  listElections,
  audit,
  DEFAULT_CAST_RATE_LIMIT,
} from '@saylau/server';
import { ClientError } from '../http.ts';
import { intArg, readText } from './options.ts';
import { Code } from '@saylau/protocol';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the ballot server on a data directory (one SQLite file)')
    .option('--data <dir>', 'data directory', './data')
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--port <port>', 'port', intArg('--port', 0, 65535), Number(process.env.PORT ?? 8080))
    .option('--no-demo', 'do not seed a DEMO election into an empty data directory')
    .option(
      '--trust-proxy <hops>',
      'reverse proxies (TLS terminators) in front of the server, so rate limits see the client address',
      intArg('--trust-proxy', 0, 5),
      0,
    )
    .option(
      '--cast-limit <n>',
      'ballots a minute from one client address (SPEC §10.9.2); 0 turns the limit off',
      intArg('--cast-limit', 0, 1_000_000),
      DEFAULT_CAST_RATE_LIMIT.limit,
    )
    .action(
      async (opts: {
        data: string;
        host: string;
        port: number;
        demo: boolean;
        trustProxy: number;
        castLimit: number;
      }) => {
        const loose = loosePermissions(opts.data);
        if (loose !== null) throw new ClientError(loose, Code.LOOSE_PERMISSIONS);
        const server = await startServer({
          dataDir: opts.data,
          host: opts.host,
          port: opts.port,
          app: {
            trustProxy: opts.trustProxy,
            castRateLimit: opts.castLimit === 0 ? false : { limit: opts.castLimit },
          },
        });
        console.log(`Saylau ballot server on ${server.url} (data: ${join(opts.data, DB_FILE)})`);
        if (opts.demo && listElections(server.ctx).length === 0) {
          const { seedDemo } = await import('../demo/seed.ts');
          await seedDemo(server, opts.data);
        }
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );

  const user = program
    .command('user')
    .description('commission accounts (run on the server machine, offline)');
  user
    .command('add')
    .requiredOption('--name <name>', 'user name (a-z 0-9 . _ -)')
    .requiredOption('--role <role>', RoleSchema.options.join(' | '))
    .option('--data <dir>', 'data directory', './data')
    .option('--password-file <file>', 'read the password from a file (else from SAYLAU_PASSWORD)')
    .action(async (opts: { name: string; role: string; data: string; passwordFile?: string }) => {
      const role = RoleSchema.safeParse(opts.role);
      if (!role.success)
        throw new ClientError(`--role: expected one of ${RoleSchema.options.join(', ')}`, Code.BAD_ARGUMENT);
      const password = opts.passwordFile ? readText(opts.passwordFile).trim() : process.env.SAYLAU_PASSWORD;
      if (!password)
        throw new ClientError('give the password with --password-file or SAYLAU_PASSWORD', Code.BAD_ARGUMENT);
      const db = openDatabase(join(opts.data, DB_FILE));
      try {
        const ctx = await createContext(db, { log: () => undefined });
        const r = await createUser(ctx, opts.name, role.data, password).catch((e: unknown) => {
          if (e instanceof z.ZodError)
            throw new ClientError(e.issues.map((i) => i.message).join('; '), Code.BAD_ARGUMENT);
          throw e;
        });
        audit(ctx, `os:${userInfo().username}`, 'user.create', null, { name: r.name, role: r.role });
        console.log(`user ${r.name} (${r.role}) created`);
      } finally {
        db.close();
      }
    });
  user
    .command('unlock')
    .description('lift the sign-in lock that wrong passwords put on a name (SPEC §10.13)')
    .requiredOption('--name <name>', 'the name the lock is on')
    .option('--data <dir>', 'data directory', './data')
    .action(async (opts: { name: string; data: string }) => {
      const name = LockedName.safeParse(opts.name);
      if (!name.success) throw new ClientError('--name: expected 1–64 characters', Code.BAD_ARGUMENT);
      const db = openDatabase(join(opts.data, DB_FILE));
      try {
        const ctx = await createContext(db, { log: () => undefined });
        const cleared = clearFailures(ctx, name.data);
        if (cleared) audit(ctx, `os:${userInfo().username}`, 'user.unlock', null, { name: name.data });
        console.log(
          cleared ? `${name.data}: failures and lock cleared` : `${name.data}: no failures recorded`,
        );
      } finally {
        db.close();
      }
    });
}

/** Any name a sign-in can give (the throttle keys on it whether or not an account has it). */
const LockedName = z.string().min(1).max(64);
