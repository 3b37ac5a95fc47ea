/**
 * The one platform API crypto uses beyond ES2022: Web Crypto's `getRandomValues` (bytes.ts
 * `randomBytes`), which browsers and Node both provide as `globalThis.crypto`. crypto/ runs in both
 * (ARCHITECTURE.md), so its project compiles with lib ES2022 and neither DOM nor Node types: a
 * DOM-only or Node-only API does not type-check here, and this file declares only what both share.
 * A declaration file is not emitted: the packages that import crypto see their own platform's types.
 */
// eslint-disable-next-line no-var -- bytes.ts reads `globalThis.crypto`, and only a var is a property of it
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
