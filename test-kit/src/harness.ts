/**
 * Test harness: a real server on a loopback port with a temporary SQLite file and a virtual clock,
 * plus a small JSON client. Every HTTP test builds on this.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  startServer,
  type RunningServer,
  type AppOptions,
  createUser,
  type Role,
  grantElection,
  localTime,
  rollCsv,
  type SyntheticVoter,
} from '@saylau/server';

export interface Harness {
  server: RunningServer;
  dir: string;
  url: string;
  /** The virtual clock: set it to move through the calendar. */
  now: { value: Date };
  logs: string[];
  api: (
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
    headers?: Record<string, string>,
  ) => Promise<ApiResponse>;
  /**
   * Create a user with `role`, grant it the `elections` (SPEC §10.13; they must exist) and return a
   * session token.
   */
  signIn: (role: Role, name?: string, opts?: { elections?: string[] }) => Promise<string>;
  /** A new session for the account of `token` (sessions last 8 hours of the virtual clock). */
  signInAgain: (token: string) => Promise<string>;
  /** Grant `election` to the accounts whose session tokens are given, as an administrator would. */
  grant: (election: string, ...tokens: string[]) => void;
  /** The administrator's session; its account `admin` is made on first use. */
  admin: () => Promise<string>;
  /**
   * `POST /api/elections` as the administrator; on success the accounts of `tokens` are granted
   * the new election. Returns the answer.
   */
  createElection: (body: unknown, ...tokens: string[]) => Promise<ApiResponse>;
  /** Stage and accept a roll of these voters with the commission's session (SPEC §10.3); the accept answer. */
  acceptRoll: (election: string, voters: readonly SyntheticVoter[], token: string) => Promise<ApiResponse>;
  /** Every row count of the private tables and the board, to assert that a refusal wrote nothing. */
  snapshot: () => Record<string, number>;
  close: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  headers: Headers;
}

const TABLES = [
  'board',
  'elections',
  'roll_imports',
  'voters',
  'nominations',
  'signatures',
  'trustees',
  'credentials',
  'credential_owners',
  'credential_keys',
  'uploads',
  'upload_parts',
  'ballots',
  'ciphertexts',
  'login_codes',
  'used_tokens',
  'users',
  'rolls',
  'district_akims',
  'audit_log',
  'grants',
];

/** The account a session token was issued to (its `sub`). */
export const accountOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;

export async function startHarness(
  start = new Date('2026-11-01T09:00:00+05:00'),
  app?: AppOptions,
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'saylau-test-'));
  const now = { value: start };
  const logs: string[] = [];
  const server = await startServer({
    dataDir: dir,
    clock: () => now.value,
    log: (l) => logs.push(l),
    app,
  });
  const api: Harness['api'] = async (method, path, body, token, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  let users = 0;
  const grant: Harness['grant'] = (election, ...tokens) => {
    for (const t of tokens) grantElection(server.ctx, election, accountOf(t), 'harness');
  };
  const PASSWORD = 'correct horse battery';
  const session = async (name: string) => {
    const r = await api('POST', '/api/session', { name, password: PASSWORD });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`);
    return r.body.token as string;
  };
  const signIn: Harness['signIn'] = async (role, name, opts = {}) => {
    const n = name ?? `${role.replace(/[^a-z]/g, '')}${++users}`;
    await createUser(server.ctx, n, role, PASSWORD);
    const token = await session(n);
    for (const e of opts.elections ?? []) grant(e, token);
    return token;
  };
  // One account; signed in again once the virtual clock has moved its 8-hour session past.
  let adminSession: { token: string; at: number } | undefined;
  const admin = async () => {
    const at = now.value.getTime();
    if (adminSession && at >= adminSession.at && at - adminSession.at < 7 * 3600_000)
      return adminSession.token;
    if (!adminSession) await createUser(server.ctx, 'admin', 'admin', PASSWORD);
    adminSession = { token: await session('admin'), at };
    return adminSession.token;
  };
  const createElection: Harness['createElection'] = async (body, ...tokens) => {
    const r = await api('POST', '/api/elections', body, await admin());
    if (r.status === 201) grant(r.body.id as string, ...tokens);
    return r;
  };
  const acceptRoll: Harness['acceptRoll'] = async (election, voters, token) => {
    const base = `/api/elections/${election}/roll`;
    const s = await api('POST', `${base}/imports`, rollCsv(voters), token, { 'content-type': 'text/csv' });
    expect(s.status).toBe(201);
    const a = await api('POST', `${base}/imports/${s.body.import}/accept`, {}, token);
    expect(a.status).toBe(200);
    return a;
  };
  const snapshot = () =>
    Object.fromEntries(
      TABLES.map((t) => [
        t,
        (server.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
  return {
    server,
    dir,
    url: server.url,
    now,
    logs,
    api,
    signIn,
    signInAgain: (token) => session(accountOf(token)),
    grant,
    admin,
    createElection,
    acceptRoll,
    snapshot,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A district whose election day is 2026-12-20; nomination closes 2026-11-24 18:00 +05:00. */
export const DISTRICT = {
  kk: 'Ақсу ауылдық округі',
  ru: 'Аксуский сельский округ',
  en: 'Aksu rural district',
};
export const ELECTION_DAY = '2026-12-20';

/**
 * A creation time for a fixture that writes an election's later steps straight into the database
 * (SPEC §10.1 refuses a calendar whose deadlines have passed): the virtual clock, or 40 days before
 * election day 09:00 local if the clock has already moved past that. Pass it to the service's
 * `createElection(ctx, input, actor, now)`.
 */
export const createdAt = (h: Pick<Harness, 'now'>, electionDay = ELECTION_DAY): Date =>
  new Date(Math.min(h.now.value.getTime(), Date.parse(localTime(electionDay, 40, '09:00'))));

/** Refused with `status` (and `code`, when given), and not one row written anywhere. */
export async function expectRefused(
  h: Harness,
  req: () => Promise<ApiResponse>,
  status: number,
  code?: string,
): Promise<ApiResponse> {
  const before = h.snapshot();
  const r = await req();
  expect(r.status, r.text).toBe(status);
  if (code !== undefined) expect(r.body?.error?.code, r.text).toBe(code);
  expect(h.snapshot()).toEqual(before);
  return r;
}
