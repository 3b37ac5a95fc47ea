/**
 * The type-checking projects (ARCHITECTURE.md, "Type checking"): DOM types only where a browser runs
 * the code, each package's references within what the package table allows, and every .ts file of
 * the repository in exactly one project, so that `tsc -b` checks each file once, with its platform's
 * types. Only the tsconfig files are read (with their includes expanded); nothing is compiled.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rel = (file: string) => relative(ROOT, file).split(sep).join('/');

/** ARCHITECTURE.md's package table: the packages each package may import. */
const MAY_IMPORT: Record<string, string[]> = {
  crypto: [],
  protocol: ['crypto'],
  'ballot-client': ['crypto', 'protocol'],
  verifier: ['crypto', 'protocol'],
  server: ['crypto', 'protocol', 'ballot-client'],
  tools: ['crypto', 'protocol', 'ballot-client', 'server'],
  'test-kit': ['crypto', 'protocol', 'ballot-client', 'server', 'tools'],
};

/** The projects whose code runs in a browser (the booth's workers: lib WebWorker instead). */
const BROWSER = [
  'ballot-client/tsconfig.json',
  'server/src/pages/admin-client/tsconfig.json',
  'server/src/pages/live-client/tsconfig.json',
  'tools/src/trustee-page/tsconfig.json',
  'tools/src/credential-page/tsconfig.json',
  'verifier/src/page/ui/tsconfig.json',
];
const WORKER = ['ballot-client/tsconfig.worker.json', 'verifier/src/page/worker/tsconfig.json'];
/** Tests that drive Chromium: Node, and DOM for the functions they run in the page. */
const BROWSER_TESTS = ['ballot-client/test/tsconfig.browser.json', 'verifier/test/tsconfig.browser.json'];
/** Code that runs in both: neither DOM nor Node types. */
const BOTH = ['crypto/tsconfig.json', 'protocol/tsconfig.json'];

interface Project {
  /** The tsconfig, relative to the repository. */
  name: string;
  options: ts.CompilerOptions;
  /** Its files, relative to the repository. */
  files: string[];
  /** The tsconfigs it references, relative to the repository. */
  references: string[];
}

function parse(file: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(file, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${file}`);
  // An include that matches nothing yet (scripts/) is not an error.
  const errors = parsed.errors.filter((d) => d.code !== 18003);
  if (errors.length)
    throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  return parsed;
}

/** The solution (tsconfig.json) and every project it reaches through references. */
function projects(): Project[] {
  const seen = new Map<string, Project>();
  const visit = (file: string) => {
    const name = rel(file);
    if (seen.has(name)) return;
    const parsed = parse(file);
    const references = (parsed.projectReferences ?? []).map((r) => rel(ts.resolveProjectReferencePath(r)));
    seen.set(name, { name, options: parsed.options, files: parsed.fileNames.map(rel), references });
    for (const r of references) visit(join(ROOT, r));
  };
  visit(join(ROOT, 'tsconfig.json'));
  seen.delete('tsconfig.json');
  return [...seen.values()];
}

/** Every file of the repository whose name ends in `suffix`, outside node_modules, dist and dot folders. */
function walk(suffix: string, dir = ROOT, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('dist') || e.name.startsWith('.')) continue;
      walk(suffix, join(dir, e.name), out);
    } else if (e.name.endsWith(suffix)) out.push(rel(join(dir, e.name)));
  }
  return out;
}

const ALL = projects();
const byName = new Map(ALL.map((p) => [p.name, p]));
const libs = (p: Project) => (p.options.lib ?? []).map((l) => l.replace(/^lib\.|\.d\.ts$/g, ''));
/** The package a project or file belongs to: its first folder (the root's own folders: none). */
const pkg = (name: string) =>
  name.includes('/') && name.split('/')[0]! in MAY_IMPORT ? name.split('/')[0]! : null;
/** A package's own code: the projects of a package outside its test/ folder. */
const isSource = (p: Project) => pkg(p.name) !== null && !p.name.split('/').includes('test');

describe('type-checking projects', () => {
  it('the solution reaches every tsconfig of the repository', () => {
    const configs = walk('.json').filter((f) => /(^|\/)tsconfig[^/]*\.json$/.test(f));
    expect(configs.sort()).toEqual(['tsconfig.base.json', 'tsconfig.json', ...ALL.map((p) => p.name)].sort());
    for (const name of BROWSER.concat(WORKER, BROWSER_TESTS, BOTH)) expect(byName.has(name), name).toBe(true);
  });

  it('each project names its lib, so none gets the default one (which has DOM)', () => {
    for (const p of ALL) expect(p.options.lib, p.name).toBeDefined();
  });

  it('DOM only where a browser runs the code, Node types only where Node does', () => {
    for (const p of ALL) {
      const dom = libs(p).some((l) => l.startsWith('dom'));
      const worker = libs(p).some((l) => l.startsWith('webworker'));
      const node = (p.options.types ?? []).includes('node');
      const platform = BROWSER.includes(p.name)
        ? 'browser'
        : WORKER.includes(p.name)
          ? 'worker'
          : BROWSER_TESTS.includes(p.name)
            ? 'browser test'
            : BOTH.includes(p.name)
              ? 'both'
              : 'node';
      const expected = {
        browser: { dom: true, worker: false, node: false },
        worker: { dom: false, worker: true, node: false },
        'browser test': { dom: true, worker: false, node: true },
        both: { dom: false, worker: false, node: false },
        node: { dom: false, worker: false, node: true },
      }[platform];
      expect({ project: p.name, dom, worker, node }).toEqual({ project: p.name, ...expected });
      // Only the types a project names: none picked up from node_modules/@types by default.
      expect(p.options.types, p.name).toBeDefined();
    }
  });

  it("each package's own projects reference only what ARCHITECTURE.md lets it import", () => {
    const sources = ALL.filter(isSource);
    expect(new Set(sources.map((p) => pkg(p.name)))).toEqual(new Set(Object.keys(MAY_IMPORT)));
    for (const p of sources) {
      const from = pkg(p.name)!;
      for (const r of p.references) {
        const to = pkg(r);
        expect(to === from || (to !== null && MAY_IMPORT[from]!.includes(to)), `${p.name} → ${r}`).toBe(true);
        // A package's code builds on other packages' code, never on tests.
        expect(isSource(byName.get(r)!), `${p.name} → ${r}`).toBe(true);
      }
    }
  });

  it('every .ts file belongs to exactly one project', () => {
    const owners = new Map<string, string[]>();
    for (const p of ALL)
      for (const f of p.files) if (f.endsWith('.ts')) owners.set(f, [...(owners.get(f) ?? []), p.name]);
    const problems = walk('.ts')
      .filter((f) => !/(^|\/)lint-fixture\.ts$/.test(f)) // written for a moment by boundaries.test.ts
      .map((f) => [f, owners.get(f) ?? []] as const)
      .filter(([, o]) => o.length !== 1);
    expect(problems).toEqual([]);
    // And no project reaches outside the repository's sources.
    for (const f of owners.keys()) expect(f.startsWith('..') || f.includes('node_modules/'), f).toBe(false);
  });
});
