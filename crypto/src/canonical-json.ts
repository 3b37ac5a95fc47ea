/**
 * RFC 8785 JSON Canonicalization Scheme (SPEC §3.1), for everything hashed or signed.
 * Keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialisation.
 * Saylau documents contain only strings, numbers of magnitude ≤ 2^53 − 1 (integers, and the one
 * fraction of SPEC §10.2), booleans, null, arrays and plain objects; NaN, ±Infinity, larger
 * magnitudes, undefined, functions, bigints and lone surrogates are refused.
 */
import { utf8ToBytes } from './bytes.ts';
import { fail } from './errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  return serialise(value, '$', 0);
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8ToBytes(canonicalJson(value));
}

function serialiseString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) fail('BAD_JSON', path, 'string contains a lone surrogate');
  return JSON.stringify(s);
}

function serialise(value: unknown, path: string, depth: number): string {
  if (depth > 64) fail('BAD_JSON', path, 'nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail('BAD_JSON', path, 'non-finite number');
      // SPEC §3.1: integers only (no document needs a fraction), and none beyond 2^53 − 1, where
      // integers lose precision and JSON libraries disagree on them.
      if (!Number.isSafeInteger(value)) fail('BAD_JSON', path, `${value} is not a safe integer`);
      return JSON.stringify(value); // RFC 8785 §3.2.2.3; -0 gives "0" (Appendix B)
    case 'string':
      return serialiseString(value, path);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v, i) => serialise(v, `${path}[${i}]`, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail('BAD_JSON', path, 'not a plain object');
      const keys = Object.keys(value).sort(); // default sort compares UTF-16 code units
      const parts: string[] = [];
      for (const k of keys) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined) fail('BAD_JSON', `${path}.${k}`, 'undefined value');
        parts.push(`${serialiseString(k, path)}:${serialise(v, `${path}.${k}`, depth + 1)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      fail('BAD_JSON', path, `cannot canonicalise a ${typeof value}`);
  }
}
