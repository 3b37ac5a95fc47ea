/** The `saylau` program and its commands, apart from running it (main.ts), so that tests can too. */
import { Command } from 'commander';
import { registerServeCommands } from './serve.ts';
import { registerBackupCommand } from './backup.ts';
import { registerStepCommands } from './steps.ts';
import { registerDemoCommand } from './demo.ts';
import { registerVoteCommand } from './vote.ts';
import { registerRoleCommands } from './roles.ts';
import { registerGrantCommands } from './grants.ts';

export function saylauProgram(): Command {
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
  return program;
}
