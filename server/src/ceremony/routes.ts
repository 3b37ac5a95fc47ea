/** Placeholder: the ceremony endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function ceremonyRoutes(_ctx: ServerContext): Router {
  return Router();
}
