/**
 * The numbered checks (SPEC §11) and the collector every check reports into. Every failure is kept;
 * nothing stops at the first one.
 */
import { CryptoError } from '@saylau/crypto';
import { message, type MessageKey } from './catalog.ts';
import { ShapeError, type Params } from './shape.ts';

export interface Failure {
  /** Check id, e.g. '7.4'. */
  check: string;
  /** The board entry at fault, or null when the failure is not about one entry. */
  seq: number | null;
  /** English text; `key` and `params` give it in any catalog language. */
  message: string;
  key?: MessageKey;
  params?: Params;
}

export interface CheckResult {
  id: string;
  title: string;
  /** `skipped`: the check had nothing to check (no checkpoint given, no ceremony restart, …). */
  status: 'pass' | 'fail' | 'pending' | 'skipped';
  failures: Failure[];
  /** Why the check is pending or skipped. */
  note?: string;
  noteKey?: MessageKey;
  noteParams?: Params;
}

/** SPEC §11: ids and the catalog key of each title. */
export const CHECK_IDS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '3.6',
  '3.7',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
  '4.7',
  '5.1',
  '6.1',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.6',
  '8.1',
  '8.2',
  '9.1',
  '9.2',
  '9.3',
  '10.1',
  '10.2',
  '10.3',
  '11.1',
  '11.2',
  '11.3',
  '12.1',
  '12.2',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const titleKey = (id: string): MessageKey => `check.${id}` as MessageKey;

interface Note {
  key: MessageKey;
  params: Params;
}

export class Collector {
  readonly failures: Failure[] = [];
  private readonly pendingNotes = new Map<CheckId, Note>();
  private readonly skipNotes = new Map<CheckId, Note>();

  fail(check: CheckId, seq: number | null, key: MessageKey, params: Params = {}): void {
    this.failures.push({ check, seq, message: message('en', key, params), key, params });
  }

  /** Record a refused value (a ShapeError or CryptoError) under `check`; rethrow anything else. */
  refuse(check: CheckId, seq: number | null, e: unknown, what: string): void {
    if (e instanceof ShapeError)
      this.fail(check, seq, 'malformed', { what, path: e.path, detail: message('en', e.key, e.params) });
    else if (e instanceof CryptoError)
      this.fail(check, seq, 'cryptoRefused', { what, code: e.code, field: e.field, detail: e.message });
    else throw e;
  }

  /** Run `f`; a refusal is recorded under `check` and gives undefined. */
  guard<T>(check: CheckId, seq: number | null, what: string, f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      this.refuse(check, seq, e, what);
      return undefined;
    }
  }

  /** The check cannot run yet: the entries it needs are not on the board (exit 3 if nothing failed). */
  pending(check: CheckId, key: MessageKey, params: Params = {}): void {
    if (!this.pendingNotes.has(check)) this.pendingNotes.set(check, { key, params });
  }

  /**
   * The check had nothing to check (SPEC §11.1): reported as skipped with the reason, never as a
   * pass. A failure or a pending reason recorded for the same check wins.
   */
  skip(check: CheckId, key: MessageKey, params: Params = {}): void {
    if (!this.skipNotes.has(check)) this.skipNotes.set(check, { key, params });
  }

  has(check: CheckId): boolean {
    return this.failures.some((f) => f.check === check);
  }

  results(): CheckResult[] {
    return CHECK_IDS.map((id) => {
      const failures = this.failures.filter((f) => f.check === id);
      const pending = this.pendingNotes.get(id);
      const skipped = this.skipNotes.get(id);
      const status = failures.length > 0 ? 'fail' : pending ? 'pending' : skipped ? 'skipped' : 'pass';
      // A failing check keeps its pending reason as a remark; a skip reason only explains a skip.
      const note = status === 'skipped' ? skipped : pending;
      const r: CheckResult = { id, title: message('en', titleKey(id)), status, failures };
      if (note) {
        r.note = message('en', note.key, note.params);
        r.noteKey = note.key;
        r.noteParams = note.params;
      }
      return r;
    });
  }
}
