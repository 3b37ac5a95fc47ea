/** Placeholder: the tally endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function tallyRoutes(_ctx: ServerContext): Router {
  return Router();
}
