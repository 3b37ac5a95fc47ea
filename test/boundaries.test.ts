/**
 * The architecture's import rules (ARCHITECTURE.md) hold by lint, not by convention: a deliberately
 * forbidden import in each package fails eslint, and the allowed ones pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restricted(file: string, source: string): Promise<string[]> {
  const [r] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [string, string][] = [
  ['crypto/src/lint-fixture.ts', "import { x } from '@saylau/protocol';"],
  ['crypto/src/lint-fixture.ts', "import { x } from 'node:crypto';"],
  ['protocol/src/lint-fixture.ts', "import { x } from '@saylau/server';"],
  ['protocol/src/lint-fixture.ts', "import { x } from 'node:fs';"],
  ['ballot-client/src/booth/lint-fixture.ts', "import { x } from '@saylau/server';"],
  ['ballot-client/src/booth/lint-fixture.ts', "import { x } from '../../../server/src/board.ts';"],
  ['ballot-client/src/lint-fixture.ts', "import { x } from '@saylau/verifier';"],
  ['verifier/src/lint-fixture.ts', "import { x } from '@saylau/server';"],
  ['verifier/src/lint-fixture.ts', "import { x } from '../../ballot-client/src/index.ts';"],
  ['server/src/lint-fixture.ts', "import { x } from '@saylau/verifier';"],
  ['server/src/lint-fixture.ts', "import { x } from '@saylau/tools';"],
  ['server/src/lint-fixture.ts', "import { x } from '../../tools/src/cli/http.ts';"],
  ['server/src/lint-fixture.ts', "import { x } from '@saylau/test-kit';"],
  ['tools/src/trustee/lint-fixture.ts', "import { x } from '@saylau/server';"],
  ['tools/src/trustee-page/lint-fixture.ts', "import { x } from '../../../server/src/board.ts';"],
  ['tools/src/cli/lint-fixture.ts', "import { x } from '@saylau/verifier';"],
  ['tools/src/demo/lint-fixture.ts', "import { x } from '../../../server/test/casting.test.ts';"],
];

const allowed: [string, string][] = [
  ['protocol/src/lint-fixture.ts', "import { x } from '@saylau/crypto';"],
  ['ballot-client/src/booth/lint-fixture.ts', "import { x } from '@saylau/protocol/errors';"],
  ['ballot-client/src/booth/lint-fixture.ts', "import { x } from '@saylau/crypto';"],
  ['verifier/src/lint-fixture.ts', "import { x } from '@saylau/protocol/entries';"],
  ['verifier/src/lint-fixture.ts', "import { x } from 'node:crypto';"],
  ['server/src/lint-fixture.ts', "import { x } from '@saylau/ballot-client';"],
  ['tools/src/cli/lint-fixture.ts', "import { x } from '@saylau/server';"],
  ['tools/src/trustee/lint-fixture.ts', "import { x } from '@saylau/protocol';"],
];

describe('package boundaries', () => {
  it.each(forbidden)('%s may not: %s', async (file, source) => {
    expect(await restricted(file, source)).toHaveLength(1);
  });

  it.each(allowed)('%s may: %s', async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});
