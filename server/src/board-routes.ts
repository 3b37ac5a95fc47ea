/** Placeholder: the board endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from './context.ts';

export function boardRoutes(_ctx: ServerContext): Router {
  return Router();
}
