/**
 * OAuth scopes under granular consent: a user may leave some of the
 * manifest's scopes unticked when authorizing, and a script asks for one when
 * a feature needs it with ScriptApp.requireScopes (which ends the execution
 * and shows a consent prompt when a scope is missing) or checks with
 * ScriptApp.getAuthorizationInfo(authMode, scopes). Every scope is granted
 * unless a test declines it for a user.
 */
import type { Execution } from "./execution";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** Apps Script's message when requireScopes ends an execution to ask for consent. */
const AUTHORIZATION_REQUIRED_MESSAGE = "Authorization is required to perform that action.";

/** A consent prompt requireScopes showed. */
export interface ConsentPrompt {
  user: string;
  scopes: string[];
  at: number;
}

/**
 * Who declined which scopes, and the prompts shown.
 *
 * @example
 * sim.scopes.decline("alice", "https://www.googleapis.com/auth/bigquery.readonly");
 * sim.scopes.grant("alice", "https://www.googleapis.com/auth/bigquery.readonly"); // as if she accepted the prompt
 */
export class ScopeState {
  private readonly declined = new Map<string, Set<string>>();
  /** Consent prompts shown by requireScopes, in order. */
  readonly prompts: ConsentPrompt[] = [];

  /** Leaves a scope ungranted for a user (unticked in the consent screen). */
  decline(user: string, scope: string): void {
    let scopes = this.declined.get(user);
    if (!scopes) this.declined.set(user, (scopes = new Set()));
    scopes.add(scope);
  }

  /** Grants a scope to a user. */
  grant(user: string, scope: string): void {
    this.declined.get(user)?.delete(scope);
  }

  /** True when the user granted the scope. */
  granted(user: string, scope: string): boolean {
    return !this.declined.get(user)?.has(scope);
  }
}

/** ScriptApp.AuthorizationStatus. */
export const AUTHORIZATION_STATUS = enumOf("REQUIRED", "NOT_REQUIRED");

/**
 * ScriptApp.requireScopes: returns when the user granted every scope;
 * otherwise shows a consent prompt (interactive contexts only: a trigger
 * cannot) and ends the execution.
 *
 * @example
 * requireScopes(execution, ["https://www.googleapis.com/auth/bigquery.readonly"]);
 */
export function requireScopes(x: Execution, scopes: unknown): void {
  const missing = missingScopes(x, scopes);
  if (missing.length === 0) return;
  if (x.context.kind === "manual")
    x.sim.scopes.prompts.push({ user: x.context.user, scopes: missing, at: x.sim.now() });
  throw new Error(AUTHORIZATION_REQUIRED_MESSAGE);
}

/**
 * An AuthorizationInfo: REQUIRED when a listed scope is missing (without a
 * list: never, as the simulator grants the manifest's other scopes).
 *
 * @example
 * ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [scope]).getAuthorizationStatus(); // "REQUIRED"
 */
export class AuthorizationInfoFacade {
  _listed: string[];
  _missing: string[];
  _user: string;

  constructor(x: Execution, scopes: unknown) {
    this._listed = scopes === undefined ? [] : scopeList(scopes);
    this._missing = missingScopes(x, this._listed);
    this._user = x.context.user;
  }

  getAuthorizationStatus(): string {
    return this._missing.length > 0 ? AUTHORIZATION_STATUS.REQUIRED : AUTHORIZATION_STATUS.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return this._missing.length > 0 ? `https://script.google.com/macros/authorize?sim-user=${this._user}` : null;
  }
  getAuthorizedScopes(): string[] {
    return this._listed.filter((s) => !this._missing.includes(s));
  }
}

function missingScopes(x: Execution, scopes: unknown): string[] {
  return scopeList(scopes).filter((scope) => !x.sim.scopes.granted(x.context.user, scope));
}

function scopeList(scopes: unknown): string[] {
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === "string"))
    throw signatureError("ScriptApp.requireScopes", "String");
  return scopes as string[];
}
