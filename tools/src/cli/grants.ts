/** `saylau grant add|revoke|list`: with an administrator's session, who holds an election (SPEC §10.13). */
import type { Command } from 'commander';
import { callAsSent } from '../http.ts';
import { apiOf, electionCommand, print, type ElectionConn as Conn } from './options.ts';
import { ENDPOINTS } from '@saylau/protocol';

export function registerGrantCommands(program: Command): void {
  const grant = program
    .command('grant')
    .description("an administrator's grants: who may act on an election (SPEC §10.13)");
  const step = (name: string, description: string) => electionCommand(grant, name, description);
  step('add', 'grant an account (commission, credential-authority or trustee) the election')
    .requiredOption('--name <name>', 'the account')
    .action(async (o: Conn & { name: string }) =>
      print(
        await callAsSent(apiOf(o), ENDPOINTS.addGrant, {
          params: { id: o.election },
          body: { user: o.name },
        }),
      ),
    );
  step('revoke', 'take the grant back; the account is refused from its next request')
    .requiredOption('--name <name>', 'the account')
    .action(async (o: Conn & { name: string }) =>
      print(await callAsSent(apiOf(o), ENDPOINTS.revokeGrant, { params: { id: o.election, user: o.name } })),
    );
  step('list', 'the accounts that hold the election').action(async (o: Conn) =>
    print(await callAsSent(apiOf(o), ENDPOINTS.listGrants, { params: { id: o.election } })),
  );
}
