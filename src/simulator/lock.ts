/**
 * LockService: script, user and document locks shared by every execution of
 * one simulator. Waiting advances the simulated clock. `sim.holdLock(...)`
 * makes a lock busy as if another execution held it.
 */
import type { Execution, ServiceKinds } from "./execution";
import { type ScopeReach, type ScopedService, type ServiceScope, scopedService } from "./scoped-service";
import { signatureError } from "./signature-error";

/** Apps Script's message when waitLock times out. */
const LOCK_TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

/** Who holds a lock: an execution id, or "external" (injected by a test), until a time or until released. */
export interface LockHold {
  holder: number | "external";
  until: number | null;
}

/**
 * The key of a lock: "script", "user:NAME" or "document:ID".
 *
 * @example
 * lockKey("user", "alice", "doc1"); // "user:alice"
 */
export function lockKey(scope: ServiceScope, user: string, documentId: string | null): string {
  if (scope === "script") return "script";
  if (scope === "user") return `user:${user}`;
  return `document:${documentId}`;
}

/**
 * Lock ownership.
 *
 * @example
 * const locks = new LockState();
 * locks.holds.get("script"); // undefined when free
 */
export class LockState implements ScopeReach<string> {
  readonly holds = new Map<string, LockHold>();

  /** The current hold of a key (expired holds are dropped). */
  current(key: string, now: number): LockHold | undefined {
    const hold = this.holds.get(key);
    if (hold && hold.until !== null && hold.until <= now) {
      this.holds.delete(key);
      return undefined;
    }
    return hold;
  }

  /** The key of an execution's lock in a scope; null for the document lock outside a document. */
  reachedBy(x: Execution, scope: ServiceScope): string | null {
    const documentId = x.sim.documentIdOf(x);
    if (scope === "document" && documentId === null) return null;
    return lockKey(scope, x.context.user, documentId);
  }

  /** Releases every lock an execution holds. */
  releaseAll(execution: Execution): void {
    for (const key of execution.heldLocks) {
      if (this.holds.get(key)?.holder === execution.id) this.holds.delete(key);
    }
    execution.heldLocks.clear();
  }
}

const LOCK_KINDS: ServiceKinds = {};

function timeoutArg(value: unknown, method: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw signatureError(`LockService.Lock.${method}`, typeof value);
  }
  return value;
}

/**
 * A Lock as the script sees it.
 *
 * @example
 * const lock = LockService.getDocumentLock();
 * if (lock.tryLock(30000)) { try { work(); } finally { lock.releaseLock(); } }
 */
export class LockFacade {
  constructor(
    readonly _x: Execution,
    readonly _key: string,
  ) {}

  _acquire(): void {
    this._x.sim.locks.holds.set(this._key, { holder: this._x.id, until: null });
    this._x.heldLocks.add(this._key);
  }

  tryLock(timeoutInMillis: unknown): boolean {
    const timeout = timeoutArg(timeoutInMillis, "tryLock");
    const { clock, locks } = this._x.sim;
    const hold = locks.current(this._key, clock.now());
    if (!hold || hold.holder === this._x.id) {
      this._acquire();
      return true;
    }
    if (hold.until !== null && hold.until - clock.now() <= timeout) {
      clock.advance(hold.until - clock.now());
      locks.holds.delete(this._key);
      this._acquire();
      return true;
    }
    clock.advance(timeout);
    return false;
  }
  waitLock(timeoutInMillis: unknown): void {
    if (!this.tryLock(timeoutArg(timeoutInMillis, "waitLock"))) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this._x.sim.locks.current(this._key, this._x.sim.clock.now())?.holder === this._x.id;
  }
  releaseLock(): void {
    if (this.hasLock()) this._x.sim.locks.holds.delete(this._key);
    this._x.heldLocks.delete(this._key);
  }
}

/**
 * LockService for one execution; `getDocumentLock()` is null outside a document.
 *
 * @example
 * lockService(execution).getScriptLock().waitLock(10000);
 */
export function lockService(x: Execution): ScopedService<"Lock", LockFacade> {
  return scopedService(x, "Lock", x.sim.locks, (key) => x.expose("Lock", new LockFacade(x, key), LOCK_KINDS));
}
