import { randomUUID } from "node:crypto";

/** Logs an unexpected error with a request id; returns the id to show the person. */
export function logError(
  message: string,
  error: unknown,
  requestId: string = randomUUID(),
): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[${new Date().toISOString()}] [${requestId}] ${message}: ${detail}`);
  return requestId;
}

/**
 * Logs a refused request as one line and no stack: the request was bad, not
 * the code. The path is the raw one (percent-encoded), cut short.
 */
export function logBadRequest(method: string, path: string, status: number, reason: string) {
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  console.warn(
    `[bad-request] ${new Date().toISOString()} ${status} ${method} ${shown.replace(/\p{Cc}/gu, "?")}: ${reason}`,
  );
}
