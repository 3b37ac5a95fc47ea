/** Placeholder: the booth pages are being built (issue #4). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function boothRoutes(_ctx: ServerContext): Router {
  return Router();
}
