/**
 * Per-IP rate limit on voter sign-in (SPEC §10.9). The per-IIN lockout stops guessing one voter's
 * code; this slows spraying many IINs from one address and the lockouts that would cause.
 * Configurable, since a village behind one mobile-operator NAT, a load test or a demo need more.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from '../http/errors.ts';
import { Code } from '@saylau/protocol';

export interface RateLimitOptions {
  /** Window length in milliseconds (default 60,000). */
  windowMs?: number;
  /** Requests allowed per client IP and window (default 30). */
  limit?: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: Required<RateLimitOptions> = { windowMs: 60_000, limit: 30 };
/**
 * Ballots per address and minute (SPEC §10.9.2): a voter casts once or a few times, so this only
 * bounds one address's proof checks; generous because a village may share one operator's NAT.
 */
export const DEFAULT_CAST_RATE_LIMIT: Required<RateLimitOptions> = { windowMs: 60_000, limit: 120 };

function perAddress(defaults: Required<RateLimitOptions>, opts: RateLimitOptions, message: string) {
  const { windowMs, limit } = { ...defaults, ...opts };
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new ApiError(429, Code.RATE_LIMITED, message)),
  });
}

/** Over the limit: 429 RATE_LIMITED in the standard error body, with a Retry-After header. */
export function loginRateLimit(opts: RateLimitOptions = {}): RequestHandler {
  return perAddress(
    DEFAULT_LOGIN_RATE_LIMIT,
    opts,
    'too many sign-in attempts from this address; try again later',
  );
}

/** The same for casting: counted before the body is read, so a flood costs the server nothing more. */
export function castRateLimit(opts: RateLimitOptions = {}): RequestHandler {
  return perAddress(DEFAULT_CAST_RATE_LIMIT, opts, 'too many ballots from this address; try again later');
}
