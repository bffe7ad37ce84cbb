// @ts-check
/**
 * Who the client is, when requests may come through proxies. Plain JavaScript:
 * lib/http/server-edge.mjs loads it into the server's Node before Next starts.
 *
 * A request's socket peer is the only address nobody can forge. Only when the
 * peer is one of the proxies named in TRUSTED_PROXIES (IPs or CIDR ranges,
 * comma-separated) do its X-Forwarded-* headers count; then X-Forwarded-For is
 * read from the right, each trusted hop vouching for the one before it, and
 * the client is the first address no trusted proxy is. A spoofed
 * X-Forwarded-For from a client that connects directly changes nothing.
 */
import { BlockList, isIP } from "node:net";

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is `127.0.0.1`. */
export function plainAddress(/** @type {string} */ address) {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? /** @type {string} */ (mapped[1]) : a;
}

/**
 * The test for "is this address a trusted proxy?" from TRUSTED_PROXIES.
 * Throws on an entry that is not an IP or a CIDR range, so a typo is found at start.
 * @param {string | undefined} spec
 * @returns {(address: string) => boolean}
 */
export function trustedProxies(spec) {
  const entries = (spec ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(plainAddress(address));
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== null && (!/^\d+$/.test(prefix ?? "") || bits > maxBits))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(plainAddress(address), type);
    else list.addSubnet(plainAddress(address), bits, type);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy;
 * then the nearest X-Forwarded-For entry that is not one (or the farthest
 * valid one if all are). Entries that are not addresses end the walk.
 * @param {string} peer the socket's remote address
 * @param {string | undefined} forwardedFor the X-Forwarded-For header, if any
 * @param {(address: string) => boolean} isTrusted
 * @returns {{ client: string, viaTrustedProxy: boolean }}
 */
export function forwardedClient(peer, forwardedFor, isTrusted) {
  const client = plainAddress(peer);
  if (!isTrusted(client)) return { client, viaTrustedProxy: false };
  const hops = (forwardedFor ?? "").split(",").map(plainAddress);
  let nearest = client;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = /** @type {string} */ (hops[i]);
    if (isIP(hop) === 0) break;
    nearest = hop;
    if (!isTrusted(hop)) break;
  }
  return { client: nearest, viaTrustedProxy: true };
}
