/**
 * API errors (SPEC §10.13): every refusal is a 4xx with a stable `code` and a human `message`;
 * nothing else leaves the server, so no stack trace or secret reaches a response.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { CryptoError } from '@saylau/crypto';
import { Code, cryptoCode, type CodeWithStatus, type ErrorBody, type ErrorCode } from '@saylau/protocol';

/** A refusal: a code of the protocol's table (protocol/src/errors.ts) with a status it allows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: CodeWithStatus<400>, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);
export const forbidden = (code: CodeWithStatus<403>, message: string) => new ApiError(403, code, message);
export const notFound = (code: CodeWithStatus<404>, message: string) => new ApiError(404, code, message);
export const conflict = (code: CodeWithStatus<409>, message: string, details?: unknown) =>
  new ApiError(409, code, message, details);
export const unprocessable = (code: CodeWithStatus<422>, message: string, details?: unknown) =>
  new ApiError(422, code, message, details);

/** Issues of a zod error as `{path, message}`, without echoing the input values. */
export function zodIssues(e: ZodError): { path: string; message: string }[] {
  return e.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export type { ErrorBody };

/** Map any thrown error to a response body and status; unknown errors become an opaque 500. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof ApiError)
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, details: err.details } },
      internal: false,
    };
  if (err instanceof ZodError)
    return {
      status: 400,
      body: {
        error: {
          code: Code.BAD_REQUEST,
          message: 'the request does not match the schema',
          details: zodIssues(err),
        },
      },
      internal: false,
    };
  if (err instanceof CryptoError)
    return {
      status: 400,
      body: { error: { code: cryptoCode(err.code), message: err.message, details: { field: err.field } } },
      internal: false,
    };
  // body-parser errors carry `type` and a 4xx `status`.
  const e = err as { type?: unknown; status?: unknown };
  if (typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const code =
      e.type === 'entity.too.large'
        ? Code.BODY_TOO_LARGE
        : e.type === 'entity.parse.failed'
          ? Code.BAD_JSON
          : e.type === 'encoding.unsupported' || e.type === 'charset.unsupported'
            ? Code.BAD_ENCODING
            : Code.BAD_BODY;
    const message =
      code === Code.BODY_TOO_LARGE
        ? 'the request body is too large'
        : code === Code.BAD_JSON
          ? 'the request body is not valid JSON'
          : 'the request body cannot be read';
    return { status: e.status, body: { error: { code, message } }, internal: false };
  }
  // Other client errors from Express's router and body-parser (a malformed %-escape in the path, a
  // body whose gzip does not inflate) carry a 4xx `status` but no `type`; their message may echo input.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    const path = err instanceof URIError;
    return {
      status: e.status,
      body: {
        error: path
          ? { code: Code.BAD_PATH, message: 'the request path is not valid percent-encoding' }
          : { code: Code.BAD_BODY, message: 'the request body cannot be read' },
      },
      internal: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: Code.INTERNAL, message: 'internal error; nothing was written' } },
    internal: true,
  };
}

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const r = toErrorResponse(err);
    // Log the kind and route only: never the body, a token or a stack with secrets in scope.
    if (r.internal) log(`500 ${req.method} ${req.path}: ${(err as Error)?.name ?? 'error'}`);
    if (res.headersSent) return res.end();
    // Explicitly JSON: a handler may already have set text/html, and an echoed value must not render.
    res.status(r.status).type('application/json').json(r.body);
  };
}
