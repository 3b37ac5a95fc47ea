/** zod at the HTTP boundary: parse or throw, so handlers only ever see typed, checked input. */
import type { Request } from 'express';
import type { z } from 'zod';
import { ElectionId, Code } from '@saylau/protocol';
import { ApiError, badRequest, zodIssues } from './errors.ts';

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what = 'body'): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw badRequest(Code.BAD_REQUEST, `the request ${what} does not match the schema`, zodIssues(r.error));
  return r.data;
}

/**
 * A body that no parser took (not JSON) would read as "no body" and pass an optional schema: refuse
 * it, so that a request is never acted on while its content is silently ignored.
 */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  return parseWith(schema, sentBody(req), 'body');
}

/** The body as the JSON parser left it, for a check made elsewhere (uploads/check-worker.ts). */
export function sentBody(req: Request): unknown {
  const sent = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
  if (req.body === undefined && sent)
    throw new ApiError(415, Code.BAD_CONTENT_TYPE, 'send the request body as application/json');
  return req.body;
}

export const parseQuery = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> =>
  parseWith(schema, req.query, 'query');

export { ElectionId, Hex, Iin, Names, Text } from '@saylau/protocol';

/** A POST that takes no parameters (protocol's, SPEC §10.13). */
export { EmptyBody } from '@saylau/protocol/requests';

export function electionParam(req: Request): string {
  return parseWith(ElectionId, req.params.id, 'path');
}
