/**
 * The script, user and document scopes Apps Script keeps a service's stores in
 * (PropertiesService, CacheService): one script store, and one store per user
 * and per document, each made on first use.
 */
import type { Execution } from "./execution";
import type { ScopeReach, ServiceScope } from "./scoped-service";

/**
 * A service's stores by scope.
 *
 * @example
 * const stores = new ScopedStores(() => new Map<string, string>());
 * stores.user("alice").set("k", "v");
 * stores.user("alice").get("k"); // "v"
 */
export class ScopedStores<S> implements ScopeReach<S> {
  readonly script: S;
  protected readonly users = new Map<string, S>();
  protected readonly documents = new Map<string, S>();

  constructor(private readonly create: () => S) {
    this.script = create();
  }

  /** The store of one user (made on first use). */
  user(user: string): S {
    return this.made(this.users, user);
  }

  /** The store of one document (made on first use). */
  document(documentId: string): S {
    return this.made(this.documents, documentId);
  }

  /**
   * The store of a scope as an execution reaches it: its user's, its
   * document's, or null for the document scope outside a document
   * (a time-driven trigger).
   */
  reachedBy(x: Execution, scope: ServiceScope): S | null {
    if (scope === "script") return this.script;
    if (scope === "user") return this.user(x.context.user);
    const documentId = x.sim.documentIdOf(x);
    return documentId === null ? null : this.document(documentId);
  }

  private made(stores: Map<string, S>, key: string): S {
    let store = stores.get(key);
    if (!store) stores.set(key, (store = this.create()));
    return store;
  }
}
