#!/usr/bin/env node
// `npx saylau …`: run the TypeScript CLI through tsx's loader (the repository ships no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
