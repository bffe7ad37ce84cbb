// @ts-check
/**
 * The answer to a request that failed because the database could not be
 * reached: 503 with Retry-After and a short page (JSON under /api/), instead
 * of Next's 500, whose HTML is empty until scripts run.
 *
 * Next gives a page no way to choose a 5xx status, so this is done where the
 * server's edge (server-edge.mjs) meets each request: it keeps a note per
 * request, in an AsyncLocalStorage that Next's work for the request runs
 * inside. The app's database code marks the note when a query fails for want
 * of a database (lib/database-unavailable.ts, reached through globalThis since
 * Next bundles the app apart from this file); when Next then starts a 500,
 * this answer goes out in its place and what Next writes is dropped.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "CityWatch can't reach its database right now. Try again in a minute.";
const RETRY_AFTER_SECONDS = "30";
/** Next's headers kept on the 503: the site's security headers, nothing about the page. */
const KEPT_HEADERS = new Set([
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "strict-transport-security",
]);

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Database unavailable · CityWatch</title></head><body><main><h1>The database is unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p><a href="/">CityWatch home page</a></p></main></body></html>`;
const JSON_BODY = JSON.stringify({
  error: "database_unavailable",
  message: DATABASE_UNAVAILABLE_MESSAGE,
});

/** @typedef {{ databaseUnavailable?: boolean }} RequestNote */

/** @type {AsyncLocalStorage<RequestNote>} */
const notes = new AsyncLocalStorage();
Object.assign(globalThis, { __citywatchRequestNotes: notes });

/**
 * Runs `handle` (Next's handling of the request) with a fresh note; a 500
 * after the note was marked goes out as the 503 answer.
 * @template T
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {() => T} handle
 * @returns {T}
 */
export function answeringDatabaseOutage(req, res, handle) {
  /** @type {RequestNote} */
  const note = {};
  /** @type {string | undefined} what goes out instead of Next's body, once decided */
  let body;
  // Wrapped on the response itself before Next sees it, so that whatever Next
  // (or its compression) later wraps around these calls ends up here.
  const { writeHead, write, end } = res;
  res.writeHead = /** @type {typeof writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      if (status !== 500 || !note.databaseUnavailable || body !== undefined) {
        return writeHead.call(this, status, ...rest);
      }
      const api = (req.url ?? "").startsWith("/api/");
      body = api ? JSON_BODY : PAGE;
      for (const name of this.getHeaderNames()) {
        if (!KEPT_HEADERS.has(name)) this.removeHeader(name);
      }
      return writeHead.call(this, 503, {
        "content-type": api ? "application/json" : "text/html; charset=utf-8",
        "content-length": String(Buffer.byteLength(body)),
        "retry-after": RETRY_AFTER_SECONDS,
        "cache-control": "no-store",
      });
    }
  );
  /** Whether a 500 is about to go out (as Node would on the first write) that the 503 replaces. */
  const outageAnswerDue = (/** @type {import("node:http").ServerResponse} */ r) =>
    !r.headersSent && r.statusCode === 500 && note.databaseUnavailable === true;
  res.write = /** @type {typeof write} */ (
    function (/** @type {any[]} */ ...args) {
      if (outageAnswerDue(this)) this.writeHead(this.statusCode);
      if (body === undefined) return write.apply(this, /** @type {any} */ (args));
      const callback = args.find((a) => typeof a === "function");
      if (callback) process.nextTick(callback);
      return true;
    }
  );
  res.end = /** @type {typeof end} */ (
    function (/** @type {any[]} */ ...args) {
      if (outageAnswerDue(this)) this.writeHead(this.statusCode);
      if (body === undefined) return end.apply(this, /** @type {any} */ (args));
      const callback = args.find((a) => typeof a === "function");
      return end.call(this, body, callback);
    }
  );
  return notes.run(note, handle);
}
