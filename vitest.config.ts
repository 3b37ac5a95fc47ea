import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['scripts/test-setup.ts'],
    include: [
      'crypto/test/**/*.test.ts',
      'protocol/test/**/*.test.ts',
      'server/test/**/*.test.ts',
      'verifier/test/**/*.test.ts',
      'ballot-client/test/**/*.test.ts',
      'tools/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
