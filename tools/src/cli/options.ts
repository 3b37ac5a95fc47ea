/** Options and inputs shared by the CLI commands. Every file and argument is checked with zod. */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { ClientError, type Api } from '../http.ts';
import { Code } from '@saylau/protocol';

export const serverOption = () =>
  new Option('--server <url>', 'server URL').env('SAYLAU_SERVER').default('http://127.0.0.1:8080');
export const tokenOption = () =>
  new Option('--token <jwt>', 'session token printed by `saylau session`').env('SAYLAU_TOKEN');
export const electionOption = () =>
  new Option('--election <id>', 'election id').env('SAYLAU_ELECTION').makeOptionMandatory();

export type ElectionConn = { server: string; token?: string; election: string };

/** A subcommand with --server, --token and --election, calling one endpoint of an election. */
export function electionCommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .addOption(serverOption())
    .addOption(tokenOption())
    .addOption(electionOption());
}

export function apiOf(opts: { server: string; token?: string }): Api {
  const url = z.url({ protocol: /^https?$/ }).safeParse(opts.server);
  if (!url.success) throw new ClientError(`--server: not an http(s) URL: ${opts.server}`, Code.BAD_ARGUMENT);
  return { baseUrl: opts.server, token: opts.token };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ClientError(`cannot read ${file}: ${(e as Error).message}`, Code.BAD_FILE);
  }
}

export function readJsonFile(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch {
    throw new ClientError(`${file} is not valid JSON`, Code.BAD_FILE);
  }
}

export function intArg(name: string, min: number, max: number) {
  return (value: string): number => {
    const r = z.coerce.number().int().min(min).max(max).safeParse(value);
    if (!r.success)
      throw new ClientError(`${name}: expected an integer from ${min} to ${max}`, Code.BAD_ARGUMENT);
    return r.data;
  };
}

export const print = (value: unknown) =>
  console.log(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
