/**
 * What the verifier page reads from its user, checked before anything runs (SPEC §11.5): the
 * board's address and the signed files (receipts and heads, the shape of `--checkpoint`). Pure
 * functions, so that the Node tests check them too; the page (ui/) shows the refusals in its
 * language.
 */
import * as z from 'zod';
import type { Params } from '@saylau/protocol/catalog';
import { SignedCheckpointSchema, SignedFileSchema, splitSigned, type SignedCheckpoint } from '../signed.ts';
import type { PageKey } from './catalog.ts';

/** A refusal in the page's words: a key of the page catalog and its values. */
export class PageInputError extends Error {
  override readonly name = 'PageInputError';
  constructor(
    readonly key: PageKey,
    readonly params: Params = {},
  ) {
    super(key);
  }
}

const HttpUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, normalize: true }));

/** The board's address: an absolute http(s) URL, or one relative to the page when it was served. */
export function boardUrl(text: string, base?: string): string {
  const t = text.trim();
  let absolute = t;
  if (base && /^https?:/.test(base))
    try {
      absolute = new URL(t, base).href;
    } catch {
      absolute = t;
    }
  const r = HttpUrl.safeParse(absolute);
  if (!r.success) throw new PageInputError('err.badUrl', { url: t });
  return r.data;
}

/**
 * `…/api/elections/ID/board` → its signed head `…/api/elections/ID/board/head` (SPEC §9.4), fetched
 * before the board as `--mirror` does, so that the board reaches at least that head; null for any
 * other address (no head is fetched).
 */
export function headUrlOf(board: string): string | null {
  const u = new URL(board);
  if (!/\/api\/elections\/[^/]+\/board$/.test(u.pathname) || u.search !== '' || u.hash !== '') return null;
  u.pathname += '/head';
  return u.href;
}

/** The server's signed head as fetched, or a refusal naming the address. */
export function parseHead(text: string, url: string): SignedCheckpoint {
  const r = SignedCheckpointSchema.safeParse(parseJson(text));
  if (!r.success) throw new PageInputError('err.signed', { name: url });
  return r.data;
}

/** One signed file: a signed head, a receipt, or a non-empty list of them. */
export function parseSignedFile(
  text: string,
  name: string,
): { checkpoints: SignedCheckpoint[]; receipts: unknown[] } {
  const r = SignedFileSchema.safeParse(parseJson(text));
  if (!r.success) throw new PageInputError('err.signed', { name });
  return splitSigned(r.data);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
