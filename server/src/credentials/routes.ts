/** Placeholder: the credentials endpoints are being built (issue #3). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';

export function credentialRoutes(_ctx: ServerContext): Router {
  return Router();
}
