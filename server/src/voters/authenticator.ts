/**
 * Pluggable voter authentication (SPEC §10.9): the login route asks an `Authenticator` who the
 * voter is and turns a success into a voter token. The login-code method is built in; eGov or SMS
 * one-time codes are further authenticators registered under their own names.
 */
import type { ServerContext } from '../context.ts';
import type { Election } from '../elections/store.ts';
import type { ErrorCode } from '@saylau/protocol';

export type AuthResult =
  /** `subject` is the opaque per-election voter reference (voterRef), never an IIN. */
  | { ok: true; subject: string }
  /** A refusal the route returns as-is: a 4xx status and a stable code (a plug-in may add its own). */
  | { ok: false; status: number; code: ErrorCode | (string & {}); message: string };

export interface Authenticator {
  /** The `?method=` value that selects it: lowercase letters, digits and '-'. */
  readonly name: string;
  /** Check the request body (with zod) and the voter's proof of identity for an election open for voting. */
  authenticate(ctx: ServerContext, election: Election, body: unknown): Promise<AuthResult>;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

export class AuthenticatorRegistry {
  private readonly byName = new Map<string, Authenticator>();

  constructor(readonly defaultName: string) {}

  register(a: Authenticator): this {
    if (!NAME.test(a.name)) throw new Error(`bad authenticator name ${JSON.stringify(a.name)}`);
    if (this.byName.has(a.name)) throw new Error(`authenticator ${a.name} is already registered`);
    this.byName.set(a.name, a);
    return this;
  }

  get(name: string): Authenticator | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
