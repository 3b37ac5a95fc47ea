/** `saylau demo`: a complete DEMO election over real HTTP, its board written for the verifier. */
import type { Command } from 'commander';
import { intArg, print } from './options.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run a complete DEMO election through real HTTP on a loopback port (virtual clock)')
    .option('--voters <n>', 'voters on the roll', intArg('--voters', 10, 100_000), 1000)
    .requiredOption(
      '--out <dir>',
      'output directory (board.jsonl, referendum.jsonl, data/, credentials/, trustees/)',
    )
    .option('--seed <n>', 'seed of the synthetic roll and choices', intArg('--seed', 0, 2 ** 31), 1)
    .option('--ceremony-reset', 'abandon the first key ceremony and start it again (SPEC §10.6.7)')
    .option('--quiet', 'print only the result')
    .action(
      async (o: { voters: number; out: string; seed: number; ceremonyReset?: boolean; quiet?: boolean }) => {
        const { runDemo } = await import('../demo/run.ts');
        const r = await runDemo({
          voters: o.voters,
          outDir: o.out,
          seed: o.seed,
          ceremonyReset: o.ceremonyReset,
          log: o.quiet ? undefined : (l) => console.error(l),
        });
        const ref = r.referendum;
        print(
          [
            `Result of ${r.election} (${r.result.counted} ballots counted, ${r.result.revotes} revotes replaced):`,
            ...contestLines(r.result.contests[0]!, r.optionIds, r.options),
            `Board: ${r.boardFile}`,
            ...(ref
              ? [
                  `Referendum ${ref.election} (${ref.result.counted} of ${ref.result.roll} on the roll took part; valid only if more than ${ref.turnoutPercent}%):`,
                  ...contestLines(ref.result.contests[0]!, ref.optionIds, ref.options),
                  `Board: ${ref.boardFile}`,
                ]
              : []),
            `Finished in ${r.seconds.toFixed(1)} s; the published counts equal the choices cast.`,
          ].join('\n'),
        );
      },
    );
}

/** Each option's count and share of the counted ballots, then the outcome. */
function contestLines(c: { counts: number[]; outcome: unknown }, ids: string[], names: string[]): string[] {
  const total = c.counts.reduce((x, y) => x + y, 0);
  return [
    ...names.map(
      (name, i) =>
        `  ${name.padEnd(28)} ${String(c.counts[i]).padStart(7)}  ${total ? ((100 * c.counts[i]!) / total).toFixed(1) : '0.0'}%`,
    ),
    `  outcome: ${describeOutcome(c.outcome, ids, names)}`,
  ];
}

function describeOutcome(outcome: unknown, ids: string[], names: string[]): string {
  const o = outcome as { kind: string; winner?: string; reason?: string; tied?: string[] };
  const name = (id: string) => names[ids.indexOf(id)] ?? id;
  if (o.kind === 'elected') return `elected: ${name(o.winner!)}`;
  if (o.kind === 'lot') return `elected by lot among ${o.tied!.map(name).join(', ')}: ${name(o.winner!)}`;
  return `${o.kind}${o.reason ? ` (${o.reason})` : ''}${o.tied ? `: ${o.tied.map(name).join(', ')}` : ''}`;
}
