/** The JSON body parser of every route: UTF-8 only (RFC 8259 §8.1), strict, with a size limit. */
import express, { type RequestHandler } from 'express';

/**
 * body-parser would also decode UTF-16 and UTF-32, where a stray byte decodes to nothing and a
 * garbage body reads as `{}`; refuse them as it refuses latin1 (415 BAD_ENCODING).
 */
function utf8Only(_req: unknown, _res: unknown, _buf: Buffer, encoding: string): void {
  if (encoding.replace('-', '').toLowerCase() !== 'utf8')
    throw Object.assign(new Error('JSON must be UTF-8'), { status: 415, type: 'charset.unsupported' });
}

export const jsonBody = (limit: string): RequestHandler =>
  express.json({ limit, strict: true, verify: utf8Only });
