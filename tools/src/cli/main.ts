/**
 * `saylau` — the commission's command line: serve, accounts, and every election step over HTTP
 * (SPEC §10), for scripted use. Run `npx saylau --help`.
 */
import { ApiError } from '@saylau/server';
import { ClientError } from '../http.ts';
import { saylauProgram } from './program.ts';

const program = saylauProgram();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ClientError) {
    console.error(`saylau: ${e.message}`);
    if (e.details !== undefined) console.error(JSON.stringify(e.details, null, 2));
    process.exit(1);
  }
  if (e instanceof ApiError) {
    console.error(`saylau: ${e.code}: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
