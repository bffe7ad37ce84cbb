// How the production server's Node runs, shared by `npm start`, the e2e and
// system tests' servers and the benchmarks, so they all run what people run.
import path from "node:path";

/**
 * The server's edge (lib/http/server-edge.mjs): trusts X-Forwarded-* only from
 * TRUSTED_PROXIES and sends HSTS over HTTPS. Loaded before Next, because only
 * there is a request's socket address known.
 */
export const SERVER_EDGE = path.join(import.meta.dirname, "../../lib/http/server-edge.mjs");

// A larger young generation (32 MB semi-spaces instead of 16): rendering a
// page allocates a lot of short-lived objects, and with the default the
// collector runs often enough to cost about a tenth of each request. On
// `npm run bench:me` this took /me's p95 from 101-109 ms to 93-97 ms.
export const SERVER_NODE_FLAGS = [
  "--max-semi-space-size=32",
  `--import=${JSON.stringify(SERVER_EDGE)}`,
];

/** NODE_OPTIONS with the server's flags added (the person's own flags are kept). */
export function withServerNodeOptions(nodeOptions = ""): string {
  const missing = SERVER_NODE_FLAGS.filter((f) =>
    f.startsWith("--import")
      ? !nodeOptions.includes(SERVER_EDGE)
      : !nodeOptions.includes(f.split("=")[0]!),
  );
  return [nodeOptions, ...missing].filter(Boolean).join(" ");
}
