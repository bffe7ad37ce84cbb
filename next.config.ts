import path from "node:path";
import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/limits";

const dev = process.env.NODE_ENV === "development";

// Next's inline bootstrap scripts need 'unsafe-inline' unless every page gets
// a nonce, which would make every page dynamic (no full-route cache). User
// text never becomes HTML (React escaping + sanitised Markdown), and the rest
// of the policy still blocks plugins, base-tag hijacks, framing and foreign hosts.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// The map document that /map frames (app/(public)/map/frame): no script at all,
// its own inline style, and framed by this site only.
const mapFrameHeaders = [
  {
    key: "Content-Security-Policy",
    value:
      "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'",
  },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
];

const nextConfig: NextConfig = {
  // The embedded database driver and pg must stay out of the bundle: PGlite
  // loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  async headers() {
    // The later rule wins for the keys both set.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/map/frame", headers: mapFrameHeaders },
    ];
  },
  // Rendered pages and cached reads live in this process's memory, stamped with the
  // time their render began, so a render that overlapped a write is never kept as
  // fresh (README › Caching). After a restart every page is rendered again.
  cacheHandler: path.join(import.meta.dirname, "lib/cache/cache-handler.mjs"),
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for signed-in people without the role.
    authInterrupts: true,
    // proxy.ts answers 413 above the same limit before Next reads the body.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
};

export default nextConfig;
