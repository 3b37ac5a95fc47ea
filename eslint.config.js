// Lint: typescript-eslint's recommended type-aware-free set plus a few rules that matter for crypto code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', '**/dist/**', 'test-artifacts/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The architecture (ARCHITECTURE.md): which package may import which. Relative paths into another
  // package are refused everywhere; the package name says what crosses a boundary.
  ...boundaries(),
);

function boundaries() {
  const NODE = { regex: '^(node:.*|fs|path|crypto|os)$', message: 'runs in browsers: no Node built-ins' };
  const pkg = (name) => ({
    group: [`@saylau/${name}`, `@saylau/${name}/*`, `**/${name}/src/**`, `**/${name}/test/**`],
    message: `this package may not import ${name} (ARCHITECTURE.md)`,
  });
  // A package it may import is still named by its package name, never by a path into its files.
  const path = (name) => ({
    group: [`**/${name}/src/**`, `**/${name}/test/**`],
    message: `import ${name} by its package name, not a path into its files (ARCHITECTURE.md)`,
  });
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    {
      // crypto/ runs unchanged in browsers and imports no other package (SPEC §1).
      files: ['crypto/src/**/*.ts'],
      rules: rule([
        NODE,
        pkg('protocol'),
        pkg('server'),
        pkg('ballot-client'),
        pkg('verifier'),
        pkg('tools'),
        pkg('test-kit'),
      ]),
    },
    {
      // protocol/ is shared by the browser and the server: crypto only, no Node built-ins.
      files: ['protocol/src/**/*.ts'],
      rules: rule([
        NODE,
        pkg('server'),
        pkg('ballot-client'),
        pkg('verifier'),
        pkg('tools'),
        pkg('test-kit'),
      ]),
    },
    {
      // The booth never imports the server, the tools or the verifier.
      files: ['ballot-client/src/**/*.ts'],
      rules: rule([NODE, pkg('server'), pkg('verifier'), pkg('tools'), pkg('test-kit')]),
    },
    {
      // The verifier shares no code with what it checks: crypto and protocol only.
      files: ['verifier/src/**/*.ts'],
      rules: rule([pkg('server'), pkg('ballot-client'), pkg('tools'), pkg('test-kit')]),
    },
    {
      // The server is only the server: the tools drive it, never the other way round.
      files: ['server/src/**/*.ts'],
      rules: rule([
        pkg('verifier'),
        pkg('tools'),
        pkg('test-kit'),
        path('crypto'),
        path('protocol'),
        path('ballot-client'),
      ]),
    },
    {
      // The trustee library also runs in the trustee's browser (its state through a file shim):
      // protocol and crypto, never the server's code.
      files: ['tools/src/trustee/**/*.ts', 'tools/src/trustee-page/**/*.ts'],
      rules: rule([pkg('server'), pkg('verifier'), pkg('test-kit'), path('crypto'), path('protocol')]),
    },
    {
      // The other tools drive the server over HTTP or open its database (serve, backup, demo).
      files: ['tools/src/**/*.ts'],
      ignores: ['tools/src/trustee/**', 'tools/src/trustee-page/**'],
      rules: rule([
        pkg('verifier'),
        pkg('test-kit'),
        path('crypto'),
        path('protocol'),
        path('server'),
        path('ballot-client'),
      ]),
    },
  ];
}
