/**
 * `saylau` — the commission's command line: serve, accounts, and every election step over HTTP
 * (SPEC §10), for scripted use. Run `npx saylau --help`.
 */
import { Command } from 'commander';
import { ApiError } from '@saylau/server';
import { ClientError } from '../http.ts';
import { registerServeCommands } from './serve.ts';
import { registerBackupCommand } from './backup.ts';
import { registerStepCommands } from './steps.ts';
import { registerDemoCommand } from './demo.ts';
import { registerVoteCommand } from './vote.ts';
import { registerRoleCommands } from './roles.ts';
import { registerGrantCommands } from './grants.ts';

const program = new Command()
  .name('saylau')
  .description('Saylau: end-to-end verifiable elections of rural akims and local referendums')
  .showHelpAfterError()
  .configureOutput({ outputError: (s, write) => write(s) });

registerServeCommands(program);
registerBackupCommand(program);
registerStepCommands(program);
registerGrantCommands(program);
registerDemoCommand(program);
registerRoleCommands(program);
registerVoteCommand(program);

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
