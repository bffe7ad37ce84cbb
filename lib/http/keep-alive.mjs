// @ts-check
/**
 * How long idle keep-alive connections stay open, on each side of the proxy.
 * A connection must be closed by the side that opens requests on it, never by
 * the other side just as a request arrives: that race is a 502 behind nginx and
 * an ECONNRESET in a test client. So the app waits longer than anyone who reuses
 * its connections:
 *
 * - nginx closes an idle upstream connection after PROXY_IDLE_SECONDS
 *   (`keepalive_timeout` in deploy/nginx/citywatch.conf; a test checks they agree);
 * - Node's http.Agent drops free sockets after 5 s, undici (fetch) after the
 *   server's `Keep-Alive: timeout` hint less 2 s;
 * - the app closes after SERVER_KEEP_ALIVE_MS (Node's default is 5 s, the
 *   same as the Agent's: the race CI once hit in e2e/follow.spec.ts).
 */
export const PROXY_IDLE_SECONDS = 60;
export const SERVER_KEEP_ALIVE_MS = 75_000;
/** Node requires the time to receive a request's headers to exceed the keep-alive time. */
export const SERVER_HEADERS_TIMEOUT_MS = SERVER_KEEP_ALIVE_MS + 5_000;
