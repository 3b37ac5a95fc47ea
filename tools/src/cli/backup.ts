/** `saylau backup`: a consistent copy of the database while the server runs (server/src/backup.ts). */
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BackupError, backupDatabase, DB_FILE } from '@saylau/server';
import { ClientError } from '../http.ts';
import { Code } from '@saylau/protocol';

const Args = z.strictObject({ data: z.string().min(1), out: z.string().min(1) });

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the database to a new file while the server runs (on the server machine)')
    .option('--data <dir>', 'data directory', './data')
    .requiredOption('--out <file>', 'the new file (never overwritten; written 0600: it holds the keys)')
    .action((opts: unknown) => {
      const args = Args.safeParse(opts);
      if (!args.success) throw new ClientError('--data and --out must not be empty', Code.BAD_ARGUMENT);
      try {
        const r = backupDatabase(join(args.data.data, DB_FILE), args.data.out);
        console.log(`backup ${r.file}: ${r.bytes} bytes, schema ${r.schema}, integrity ok`);
        for (const b of r.boards) console.log(`  ${b.election}: board up to seq ${b.seq}, head ${b.head}`);
      } catch (e) {
        if (e instanceof BackupError) throw new ClientError(e.message, Code.BACKUP_FAILED);
        throw e;
      }
    });
}
