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
