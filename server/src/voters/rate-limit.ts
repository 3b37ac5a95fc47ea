/**
 * Per-IP rate limit on voter sign-in (SPEC §10.9). The per-IIN lockout stops guessing one voter's
 * code; this slows spraying many IINs from one address and the lockouts that would cause.
 * Configurable, since a village behind one mobile-operator NAT, a load test or a demo need more.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from '../http/errors.ts';

export interface RateLimitOptions {
  /** Window length in milliseconds (default 60,000). */
  windowMs?: number;
  /** Requests allowed per client IP and window (default 30). */
  limit?: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: Required<RateLimitOptions> = { windowMs: 60_000, limit: 30 };

/** Over the limit: 429 RATE_LIMITED in the standard error body, with a Retry-After header. */
export function loginRateLimit(opts: RateLimitOptions = {}): RequestHandler {
  const { windowMs, limit } = { ...DEFAULT_LOGIN_RATE_LIMIT, ...opts };
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new ApiError(429, 'RATE_LIMITED', 'too many sign-in attempts from this address; try again later')),
  });
}
