/**
 * The part of the fetch API that client.ts uses, as browsers and Node both provide it. protocol/ runs
 * in both (ARCHITECTURE.md), so its project compiles with lib ES2022 and neither DOM nor Node types: a
 * DOM-only or Node-only API does not type-check here, and this file declares only what both share.
 * A declaration file is not emitted: the packages that import protocol see their own platform's
 * fetch, Response and Blob in protocol's declarations.
 */
type RequestCache = 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload';

interface Blob {
  readonly size: number;
  readonly type: string;
}
declare const Blob: { prototype: Blob; new (parts?: unknown[], options?: { type?: string }): Blob };

interface Response {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

declare function fetch(
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string | Blob; cache?: RequestCache },
): Promise<Response>;
