/**
 * BigQuery's errors as the Apps Script advanced service throws them: a
 * GoogleJsonResponseException whose message is "API call to bigquery.<method>
 * failed with error: <BigQuery's message>" and whose `details` carry the HTTP
 * code and the reason ("accessDenied", "notFound", "quotaExceeded", ...).
 */

/** The reasons the stand-in raises, with their HTTP codes (BigQuery's error table). */
const BIGQUERY_REASONS = {
  invalidQuery: 400,
  invalid: 400,
  timeout: 400,
  accessDenied: 403,
  rateLimitExceeded: 403,
  quotaExceeded: 403,
  notFound: 404,
  backendError: 503,
} as const;

/** One of {@link BIGQUERY_REASONS}. */
export type BigQueryReason = keyof typeof BIGQUERY_REASONS;

/** The `details` of a GoogleJsonResponseException. */
export interface BigQueryErrorDetails {
  code: number;
  message: string;
  errors: { message: string; domain: string; reason: BigQueryReason }[];
}

/**
 * An error a BigQuery call throws. The simulator copies its name and details
 * onto the exception the script sees (see {@link copyServiceErrorFields}).
 *
 * @example
 * throw new BigQueryError("jobs.query", "notFound", "Not found: Table p:d.t was not found in location US");
 */
export class BigQueryError extends Error {
  readonly details: BigQueryErrorDetails;
  readonly exceptionName = "GoogleJsonResponseException";

  constructor(method: string, reason: BigQueryReason, message: string) {
    super(`API call to bigquery.${method} failed with error: ${message}`);
    this.details = { code: BIGQUERY_REASONS[reason], message, errors: [{ message, domain: "global", reason }] };
  }
}

/**
 * The message BigQuery gives for each reason when a test arms it without one.
 *
 * @example
 * defaultMessage("quotaExceeded", "p"); // "Quota exceeded: Your project exceeded quota for ..."
 */
export function defaultMessage(reason: BigQueryReason, project: string): string {
  switch (reason) {
    case "rateLimitExceeded":
      return "Exceeded rate limits: too many concurrent queries for this project_and_region.";
    case "quotaExceeded":
      return `Quota exceeded: Your project ${project} exceeded quota for free query bytes scanned.`;
    case "accessDenied":
      return `Access Denied: Project ${project}: User does not have bigquery.jobs.create permission in project ${project}.`;
    case "notFound":
      return `Not found: Project ${project}`;
    case "backendError":
      return "Error encountered during execution. Retrying may solve the problem.";
    case "timeout":
      return "Job execution was cancelled: Job timed out after 0 sec";
    default:
      return "Invalid request.";
  }
}

/**
 * Copies the exception name and `details` of a service error (made in the
 * host realm) onto the exception the script catches, as Apps Script's
 * GoogleJsonResponseException carries them.
 *
 * @example
 * copyServiceErrorFields(error, scriptException, (v) => importValue(realm, v));
 */
export function copyServiceErrorFields(from: unknown, to: Error, importToScript: (value: unknown) => unknown): void {
  if (!(from instanceof BigQueryError)) return;
  Object.defineProperty(to, "name", { value: from.exceptionName, writable: true, configurable: true });
  Object.defineProperty(to, "details", {
    value: importToScript(from.details),
    writable: true,
    configurable: true,
    enumerable: true,
  });
}
