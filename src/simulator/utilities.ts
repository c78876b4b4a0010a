/** Utilities: formatDate, sleep (advances the simulated clock), deterministic getUuid, digests and base64. */
import { createHash } from "node:crypto";
import { formatSimpleDate } from "./date-format";
import type { Execution } from "./execution";
import { dateMs, isDateLike } from "./realm";
import { isValidTimeZone } from "./time-zone";
import { enumOf } from "./service-enum";
import { signatureError } from "./signature-error";

/** Utilities.DigestAlgorithm. */
const DIGEST_ALGORITHM = enumOf("MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512");
/** Utilities.Charset. */
const CHARSET = enumOf("US_ASCII", "UTF_8");

/** Longest Utilities.sleep in ms. */
const MAX_SLEEP_MS = 300_000;

/** A small deterministic PRNG for getUuid (the one the demo and the fuzz test use too). */
export { seededRandom } from "../core/seeded-random";

/**
 * A version-4-shaped UUID from a random source.
 *
 * @example
 * uuidFrom(seededRandom(1)); // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
 */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16));
  hex[12] = 4;
  hex[16] = (hex[16] & 0x3) | 0x8;
  const s = hex.map((h) => h.toString(16)).join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function bytesOf(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  return Buffer.from(String(value), charset === "US_ASCII" ? "latin1" : "utf8");
}

const signedBytes = (buffer: Buffer): number[] => [...buffer].map((b) => (b > 127 ? b - 256 : b));

/**
 * Utilities.
 *
 * @example
 * Utilities.formatDate(new Date(), "Asia/Kolkata", "yyyy-MM-dd'T'HH:mm:ssXXX");
 */
export class UtilitiesFacade {
  readonly DigestAlgorithm = DIGEST_ALGORITHM;
  readonly Charset = CHARSET;

  constructor(readonly _x: Execution) {}

  /** Java's TimeZone.getTimeZone falls back to GMT for unknown ids; so does this. */
  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDateLike(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw signatureError("Utilities.formatDate");
    }
    const ms = dateMs(date);
    if (!Number.isFinite(ms)) throw new Error("Invalid argument: date");
    return formatSimpleDate(ms, isValidTimeZone(timeZone) ? timeZone : "GMT", format);
  }
  sleep(milliseconds: unknown): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error("Invalid argument: milliseconds");
    this._x.sim.clock.advance(Math.min(ms, MAX_SLEEP_MS));
  }
  getUuid(): string {
    return uuidFrom(this._x.sim.random);
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const names: Record<string, string> = {
      MD5: "md5",
      SHA_1: "sha1",
      SHA_256: "sha256",
      SHA_384: "sha384",
      SHA_512: "sha512",
    };
    const name = names[String(algorithm)];
    if (!name) throw new Error(`Invalid argument: algorithm (${String(algorithm)})`);
    return signedBytes(createHash(name).update(bytesOf(value, charset)).digest());
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset).toString("base64");
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }
  base64Decode(encoded: unknown): number[] {
    return signedBytes(Buffer.from(String(encoded), "base64"));
  }
  base64DecodeWebSafe(encoded: unknown): number[] {
    return signedBytes(Buffer.from(String(encoded).replace(/-/g, "+").replace(/_/g, "/"), "base64"));
  }
  newBlob(): never {
    throw new Error("simulator: Utilities.newBlob is not simulated");
  }
  formatString(template: unknown, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(%|s|d|i|f|\.\d+f)/g, (_match: string, spec: string) => {
      if (spec === "%") return "%";
      const arg = args[i++];
      if (spec === "s") return String(arg);
      if (spec === "d" || spec === "i") return String(Math.trunc(Number(arg)));
      const digits = spec === "f" ? 6 : Number(spec.slice(1, -1));
      return Number(arg).toFixed(digits);
    });
  }
}
