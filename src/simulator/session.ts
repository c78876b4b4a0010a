/**
 * Session: the running user, without an email address (an add-on without the
 * email scope gets ""), a stable opaque per-user key, the script time zone
 * and the user's locale.
 */
import { createHash } from "node:crypto";
import type { Execution } from "./execution";

/**
 * A User: `getEmail()` is "" unless the simulator was created with `revealEmails: true`.
 *
 * @example
 * Session.getActiveUser().getEmail(); // ""
 */
export class UserFacade {
  constructor(readonly _email: string) {}

  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}

/**
 * The temporary active-user key of a user: stable for a (seed, user) pair, opaque.
 *
 * @example
 * temporaryUserKey(1, "alice") === temporaryUserKey(1, "alice"); // true
 */
function temporaryUserKey(seed: number, user: string): string {
  return createHash("sha256").update(`${seed}\u0000${user}`).digest("base64url").slice(0, 43);
}

/**
 * Session.
 *
 * @example
 * Session.getTemporaryActiveUserKey(); // an opaque key, the same for the same user
 */
export class SessionFacade {
  constructor(readonly _x: Execution) {}

  _user(): UserFacade {
    const { sim, context } = this._x;
    return this._x.expose("User", new UserFacade(sim.options.revealEmails ? context.user : ""));
  }

  getActiveUser(): UserFacade {
    return this._user();
  }
  getEffectiveUser(): UserFacade {
    return this._user();
  }
  getTemporaryActiveUserKey(): string {
    return temporaryUserKey(this._x.sim.options.seed, this._x.context.user);
  }
  getScriptTimeZone(): string {
    return this._x.sim.scriptTimeZone;
  }
  getTimeZone(): string {
    return this._x.sim.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._x.sim.userLocaleOf(this._x.context.user);
  }
}
