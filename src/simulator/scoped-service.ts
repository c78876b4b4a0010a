/**
 * Services whose objects come in Apps Script's three scopes: CacheService,
 * PropertiesService and LockService. Each has getScriptX(), getUserX() and
 * getDocumentX(); the last is null outside a document (a time-driven trigger).
 */
import type { Execution } from "./execution";

/** The three scopes. */
export type ServiceScope = "script" | "user" | "document";

/** What a scoped service reaches in a scope for an execution (a store, a lock's key), or null: no document. */
export interface ScopeReach<S> {
  reachedBy(x: Execution, scope: ServiceScope): S | null;
}

/** The methods of a scoped service whose objects are called `N` ("Cache" gives getScriptCache, ...). */
export type ScopedService<N extends string, F> = Record<`getScript${N}` | `getUser${N}`, () => F> &
  Record<`getDocument${N}`, () => F | null>;

/**
 * A scoped service for one execution: each getter finds what the execution
 * reaches in its scope and hands the script its facade.
 *
 * @example
 * const CacheService = scopedService(x, "Cache", x.sim.caches, (map) => new CacheFacade(x, map));
 * CacheService.getDocumentCache(); // null in a time-driven trigger
 */
export function scopedService<N extends string, S, F>(
  x: Execution,
  noun: N,
  scopes: ScopeReach<S>,
  facade: (reached: S) => F,
): ScopedService<N, F> {
  const open = (scope: ServiceScope): F | null => {
    const reached = scopes.reachedBy(x, scope);
    return reached === null ? null : facade(reached);
  };
  // On a prototype, where a class keeps its methods: the service has no own keys for the script to list.
  return Object.create({
    [`getScript${noun}`]: () => open("script"),
    [`getUser${noun}`]: () => open("user"),
    [`getDocument${noun}`]: () => open("document"),
  });
}
