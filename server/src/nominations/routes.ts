/** Placeholder: the nominations endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function nominationRoutes(_ctx: ServerContext): Router {
  return Router();
}
