/** CacheService: script, user and document caches expiring on the simulated clock. */
import type { Execution, ServiceKinds } from "./execution";
import { type ScopedService, scopedService } from "./scoped-service";
import { ScopedStores } from "./scoped-stores";

/** Largest cached value in UTF-8 bytes (Apps Script: 100 KB). */
const MAX_CACHE_VALUE_BYTES = 100 * 1024;
/** Longest key in characters. */
const MAX_CACHE_KEY_CHARS = 250;
/** Longest lifetime in seconds (6 hours). */
const MAX_CACHE_SECONDS = 21_600;
/** Lifetime when none is given (10 minutes). */
const DEFAULT_CACHE_SECONDS = 600;

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * All caches; `evictAll()` simulates Google evicting entries early.
 *
 * @example
 * const caches = new CacheState();
 * caches.evictAll();
 */
export class CacheState extends ScopedStores<Map<string, Entry>> {
  constructor() {
    super(() => new Map());
  }

  /** Drops every entry of every cache. */
  evictAll(): void {
    this.script.clear();
    this.users.clear();
    this.documents.clear();
  }
}

const CACHE_KINDS: ServiceKinds = {
  get: "read",
  getAll: "read",
  put: "write",
  putAll: "write",
  remove: "write",
  removeAll: "write",
};

/**
 * One Cache as the script sees it.
 *
 * @example
 * CacheService.getScriptCache().put("k", "v", 60);
 */
export class CacheFacade {
  constructor(
    readonly _x: Execution,
    readonly _map: Map<string, Entry>,
  ) {}

  _key(key: unknown): string {
    if (key === null || key === undefined) throw new Error("Invalid argument: key");
    const text = String(key);
    if (text.length > MAX_CACHE_KEY_CHARS) throw new Error("Argument too large: key");
    return text;
  }

  _get(key: string): string | null {
    const entry = this._map.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this._x.sim.clock.now()) {
      this._map.delete(key);
      return null;
    }
    return entry.value;
  }

  _put(key: string, value: unknown, seconds: unknown): void {
    const text = String(value);
    if (Buffer.byteLength(text, "utf8") > MAX_CACHE_VALUE_BYTES) throw new Error("Argument too large: value");
    const secs = seconds === undefined ? DEFAULT_CACHE_SECONDS : Number(seconds);
    if (!Number.isFinite(secs) || secs < 1) throw new Error("Invalid argument: expirationInSeconds");
    this._map.set(key, { value: text, expiresAt: this._x.sim.clock.now() + Math.min(secs, MAX_CACHE_SECONDS) * 1000 });
  }

  get(key: unknown): string | null {
    return this._get(this._key(key));
  }
  getAll(keys: unknown): Record<string, string> {
    if (!Array.isArray(keys)) throw new Error("Invalid argument: keys");
    const out: Record<string, string> = {};
    for (const k of keys) {
      const value = this._get(this._key(k));
      if (value !== null) out[String(k)] = value;
    }
    return out;
  }
  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    this._put(this._key(key), value, expirationInSeconds);
  }
  putAll(values: unknown, expirationInSeconds?: unknown): void {
    if (values === null || typeof values !== "object") throw new Error("Invalid argument: values");
    for (const [k, v] of Object.entries(values as Record<string, unknown>))
      this._put(this._key(k), v, expirationInSeconds);
  }
  remove(key: unknown): void {
    this._map.delete(this._key(key));
  }
  removeAll(keys: unknown): void {
    if (!Array.isArray(keys)) throw new Error("Invalid argument: keys");
    for (const k of keys) this._map.delete(this._key(k));
  }
}

/**
 * CacheService for one execution; `getDocumentCache()` is null outside a document.
 *
 * @example
 * cacheService(execution).getUserCache().get("k"); // null when absent or expired
 */
export function cacheService(x: Execution): ScopedService<"Cache", CacheFacade> {
  return scopedService(x, "Cache", x.sim.caches, (map) => x.expose("Cache", new CacheFacade(x, map), CACHE_KINDS));
}
