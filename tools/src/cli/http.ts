/** The CLI's errors and HTTP calls: the server package's one client (client/http.ts). */
import { ClientError } from '../http.ts';
import { Code } from '@saylau/protocol';

export { call, callText, type Api } from '../http.ts';

/** A refusal or a bad argument, printed as `saylau: <message>` with exit status 1. */
export class CliError extends ClientError {
  constructor(message: string, code: string = Code.ERROR, details?: unknown) {
    super(message, code, undefined, details);
    this.name = 'CliError';
  }
}
