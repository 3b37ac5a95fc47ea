/** JSON field decoding shared by the proof codecs (SPEC §1.2). */
import { fail } from '../errors.ts';

export function asObject(json: unknown, field: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail('BAD_TYPE', field, 'expected an object');
  return json as Record<string, unknown>;
}

export function asArray(json: unknown, field: string, length?: number): unknown[] {
  if (!Array.isArray(json)) fail('BAD_TYPE', field, 'expected an array');
  if (length !== undefined && json.length !== length)
    fail('BAD_LENGTH', field, `expected ${length} elements, got ${json.length}`);
  return json;
}

/** Refuse keys other than the expected ones: a document has exactly one encoding. */
export function exactKeys(o: Record<string, unknown>, keys: readonly string[], field: string): void {
  const extra = Object.keys(o).filter((k) => !keys.includes(k));
  if (extra.length > 0) fail('BAD_TYPE', field, `unexpected field ${JSON.stringify(extra[0])}`);
  for (const k of keys) if (!(k in o)) fail('BAD_TYPE', `${field}.${k}`, 'missing');
}
