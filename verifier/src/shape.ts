/**
 * Strict reading of board payloads (SPEC §1.1): exact keys, exact types, exact formats. A refusal is
 * a ShapeError naming the JSON path and a catalog message key, so the report can be translated.
 */
import { CryptoError, b64ToBytesStrict, canonicalJson } from '@saylau/crypto';
import type { Params } from '@saylau/protocol/catalog';
import { LANGS, type Lang } from '@saylau/protocol/lang';
import type { MessageKey } from './catalog.ts';

export type { Params };

export class ShapeError extends Error {
  override readonly name = 'ShapeError';
  constructor(
    readonly path: string,
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(`${path}: ${key}`);
  }
}

const bad = (path: string, key: MessageKey, params: Params = {}): never => {
  throw new ShapeError(path, key, params);
};

/** SPEC §8.1 identifier: election ids, contest ids, question ids. */
export const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const HEX = /^[0-9a-f]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export type Json = Record<string, unknown>;

/** A JSON object (not an array), any keys. */
export function record(v: unknown, path: string): Json {
  const o = asObject(v);
  return o ?? bad(path, 'shapeObject');
}

/** An object with exactly `keys` (plus any of `optional`). */
export function obj(
  v: unknown,
  path: string,
  keys: readonly string[],
  optional: readonly string[] = [],
): Json {
  const o = record(v, path);
  for (const k of Object.keys(o))
    if (!keys.includes(k) && !optional.includes(k)) bad(path, 'shapeExtra', { field: k });
  for (const k of keys) if (!Object.hasOwn(o, k)) bad(`${path}.${k}`, 'shapeMissing');
  return o;
}

export function arr(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): unknown[] {
  if (!Array.isArray(v)) bad(path, 'shapeArray');
  const a = v as unknown[];
  if (a.length < min || a.length > max) bad(path, 'shapeLength', { min, max, length: a.length });
  return a;
}

export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') bad(path, 'shapeString');
  return v as string;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') bad(path, 'shapeBoolean');
  return v as boolean;
}

export function int(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    bad(path, 'shapeInteger', { min, max });
  return v as number;
}

export function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T))
    bad(path, 'shapeOneOf', { allowed: allowed.join(', ') });
  return v as T;
}

/** Lowercase hex of exactly `bytes` bytes (SPEC §1.2). */
export function hex(v: unknown, path: string, bytes: number): string {
  if (typeof v !== 'string' || v.length !== 2 * bytes || !HEX.test(v)) bad(path, 'shapeHex', { bytes });
  return v as string;
}

/** A non-digest byte string (SPEC §1.2): canonical base64url of exactly `bytes` bytes. */
export function b64(v: unknown, path: string, bytes: number): string {
  try {
    b64ToBytesStrict(v, path, bytes);
  } catch {
    bad(path, 'shapeB64', { bytes });
  }
  return v as string;
}

export function id(v: unknown, path: string): string {
  if (typeof v !== 'string' || !ID.test(v)) bad(path, 'shapeId');
  return v as string;
}

const ACCOUNT = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** An account name (SPEC §10.13): 2–32 of a-z, 0-9, `.`, `_`, `-`, starting with a letter or digit. */
export function account(v: unknown, path: string): string {
  if (typeof v !== 'string' || !ACCOUNT.test(v)) bad(path, 'shapeAccount');
  return v as string;
}

/** A non-empty NFC string of at most `max` characters (SPEC §10: names, texts). */
export function text(v: unknown, path: string, max = 200): string {
  const s = str(v, path);
  if (s.length === 0 || s.trim() !== s) bad(path, 'shapeText');
  if (s.normalize('NFC') !== s) bad(path, 'shapeNfc');
  if (s.length > max) bad(path, 'shapeTooLong', { max });
  return s;
}

export type Names = Record<Lang, string>;

/** `{kk, ru, en}` of non-empty NFC strings (SPEC §10). */
export function names(v: unknown, path: string): Names {
  const o = obj(v, path, LANGS);
  return { kk: text(o.kk, `${path}.kk`), ru: text(o.ru, `${path}.ru`), en: text(o.en, `${path}.en`) };
}

/** YYYY-MM-DD, a real calendar date. */
export function date(v: unknown, path: string): string {
  const s = str(v, path);
  const m = DATE.exec(s);
  if (!m || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) bad(path, 'shapeDate');
  return s;
}

/** An RFC 3339 time with an explicit offset (SPEC §10); returns epoch milliseconds. */
export function time(v: unknown, path: string): number {
  const s = str(v, path);
  const ms = Date.parse(s);
  if (!TIME.test(s) || Number.isNaN(ms)) bad(path, 'shapeTime');
  return ms;
}

/** The same JSON value (compared in canonical form by the caller when order matters). */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && new Set(a).size === a.length && b.every((x) => a.includes(x));
}

/*
 * Lenient reads, for checks that use what they can read of a payload: a board is untrusted
 * (SPEC §11), so these never throw and never assume a shape. Refusing a malformed payload is the
 * strict decoders' job (above), under the check that owns it.
 */

/** `v` as a JSON object, or null (null, arrays and scalars are not). */
export function asObject(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

/** `v` as an array, or null. */
export function asArray(v: unknown): readonly unknown[] | null {
  return Array.isArray(v) ? v : null;
}

/** The own member `key` of an object, or undefined (also for anything that is not an object). */
export function member(v: unknown, key: string): unknown {
  const o = asObject(v);
  return o !== null && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Follow object keys and array indices from `v`; undefined as soon as one is absent. */
export function dig(v: unknown, ...path: readonly (string | number)[]): unknown {
  let x = v;
  for (const k of path) x = typeof k === 'number' ? asArray(x)?.[k] : member(x, k);
  return x;
}

/** `v` if it is a string, else null. */
export function asString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Whether two values have the same canonical JSON (SPEC §3.1). A value canonical JSON refuses (a
 * fraction, an integer beyond 2^53 − 1, a lone surrogate on a tampered board) equals nothing, so the
 * comparing check fails instead of the verifier stopping.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch (e) {
    if (e instanceof CryptoError) return false;
    throw e;
  }
}
