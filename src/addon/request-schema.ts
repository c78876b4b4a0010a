/**
 * The zod schemas of the sidebar's server calls are written against the
 * request types the sidebar sends (src/sidebar/sidebar-api.ts): a schema
 * whose parsed value is not exactly its request type (a field missing,
 * added, renamed or of another type on either side) does not compile, so
 * the two declarations cannot drift apart unnoticed.
 */
import type * as z from "zod/mini";

/** A request checked: the parsed request, or the one line telling the user what is wrong. */
export type RequestCheck<Request> = { ok: true; request: Request } | { ok: false; message: string };

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;

// Bracketed so unions are compared whole; an object's fields are compared one by one, since
// mutual assignability alone lets an optional field exist on one side only.
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [A] extends [object]
      ? SameKeys<A, B> extends true
        ? [{ [K in keyof A & keyof B]-?: Same<A[K], B[K]> }[keyof A & keyof B]] extends [true]
          ? true
          : false
        : false
      : true
    : false
  : false;

/** What an argument must also be when its schema's output differs from the request type. */
type MatchingRequest<Schema extends z.ZodMiniType, Request> =
  Same<z.output<Schema>, Request> extends true ? unknown : { "the schema's output is not the request type": Request };

/**
 * A request's schema, checked at compile time to parse exactly `Request`.
 * Curried because TypeScript cannot take `Request` from the caller and
 * infer the schema's type in one call.
 *
 * @example
 * const RestateRequestSchema = requestSchema<RestateRequest>()(z.strictObject({ period: z.string() }));
 * requestSchema<RestateRequest>()(z.strictObject({ period: z.number() })); // does not compile
 */
export function requestSchema<Request>() {
  return <Schema extends z.ZodMiniType>(schema: Schema & MatchingRequest<Schema, Request>): Schema => schema;
}

/**
 * A request parsed by its schema, or refused with the message `refusal` makes of the schema's issues.
 *
 * @example
 * checkRequest(RestateRequestSchema, { period: 3 }, () => "The period must be text.");
 * // { ok: false, message: "The period must be text." }
 */
export function checkRequest<Request>(
  schema: z.ZodMiniType<Request>,
  request: unknown,
  refusal: (issues: readonly z.core.$ZodIssue[]) => string,
): RequestCheck<Request> {
  const parsed = schema.safeParse(request);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, message: refusal(parsed.error.issues) };
}
