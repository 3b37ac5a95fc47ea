/** Placeholder: the roll endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function rollRoutes(_ctx: ServerContext): Router {
  return Router();
}
