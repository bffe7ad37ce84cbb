// "The database cannot be reached": which errors mean it, and noting it on the
// request so the server's edge answers 503 instead of Next's 500
// (lib/http/database-outage.mjs; README › Database outages).

/** Node's socket and DNS errors: no connection to the database's host. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Postgres's own codes (SQLSTATE): class 08 is a connection exception; 57P01,
 * 57P02 and 57P03 a server shutting down, crashed or starting; 53300 no free
 * connection; 57014 a statement cancelled (our statement_timeout: a database
 * that does not answer in time is as good as down).
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

/** What node-postgres throws for a connection it lost, never made, or gave up on. */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

/**
 * Whether an error means the database could not be reached or did not answer
 * (rather than a bug or a refused statement). Looks through the causes drizzle
 * and pg wrap around it, and the attempts of a connection to several addresses.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === "string" && DRIVER_MESSAGES.some((m) => m.test(message))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

type RequestNotes = { getStore(): { databaseUnavailable?: boolean } | undefined };

/**
 * Notes on the current request (the server's edge keeps one note per request,
 * on globalThis since Next bundles the app apart from it) that the database
 * could not be reached, when `error` says so. Then a 500 for this request goes
 * out as the 503 "can't reach its database" answer.
 */
export function noteIfDatabaseUnavailable(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  const notes = (globalThis as { __citywatchRequestNotes?: RequestNotes }).__citywatchRequestNotes;
  const note = notes?.getStore();
  if (note) note.databaseUnavailable = true;
}
