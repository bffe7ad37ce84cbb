// @ts-check
/**
 * The server's edge: runs in the Node process that serves the app (loaded with
 * `--import`, see scripts/lib/server-node-options.ts) and looks at each request
 * before Next does, because only here is the socket's peer address known.
 *
 * - X-Forwarded-For becomes the one client address lib/http/forwarding.mjs
 *   finds (the socket peer unless it is a trusted proxy), so the app's rate
 *   limits and logs read an address nobody can forge.
 * - X-Forwarded-Host, -Proto and -Port are dropped unless a trusted proxy
 *   sent them: Next then fills them from the request itself, and the
 *   same-origin checks (ours and Next's for server actions) compare against
 *   the real Host.
 * - Strict-Transport-Security is sent when the site is served over HTTPS
 *   (NEXTAUTH_URL starts with https:).
 * - Idle keep-alive connections stay open longer than any client or proxy
 *   reuses them (lib/http/keep-alive.mjs), set when the server starts listening.
 * - A request that failed because the database could not be reached gets 503
 *   and a short page rather than Next's 500 (database-outage.mjs).
 */
import http from "node:http";
import { answeringDatabaseOutage } from "./database-outage.mjs";
import { forwardedClient, trustedProxies } from "./forwarding.mjs";
import { SERVER_HEADERS_TIMEOUT_MS, SERVER_KEEP_ALIVE_MS } from "./keep-alive.mjs";

const FORWARDED_DETAILS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];
const HSTS = "max-age=63072000; includeSubDomains";

const isTrusted = trustedProxies(process.env.TRUSTED_PROXIES);
const https = process.env.NEXTAUTH_URL?.startsWith("https:") ?? false;

/** Set for the app to see (instrumentation.ts warns when it is missing). */
Object.assign(globalThis, { __citywatchServerEdge: true });

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = /** @type {typeof emit} */ (
  function (/** @type {string | symbol} */ event, /** @type {any[]} */ ...args) {
    if (event === "listening") {
      this.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
      this.headersTimeout = SERVER_HEADERS_TIMEOUT_MS;
    }
    if (event === "request") {
      const [req, res] = /** @type {[http.IncomingMessage, http.ServerResponse]} */ (args);
      const raw = req.headers["x-forwarded-for"];
      const { client, viaTrustedProxy } = forwardedClient(
        req.socket.remoteAddress ?? "",
        Array.isArray(raw) ? raw.join(",") : raw,
        isTrusted,
      );
      req.headers["x-forwarded-for"] = client;
      if (!viaTrustedProxy) for (const name of FORWARDED_DETAILS) delete req.headers[name];
      if (https) res.setHeader("Strict-Transport-Security", HSTS);
      return answeringDatabaseOutage(req, res, () => emit.call(this, event, ...args));
    }
    return emit.call(this, event, ...args);
  }
);
