/** Placeholder: the casting endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function castingRoutes(_ctx: ServerContext): Router {
  return Router();
}
