import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database driver and pg must stay out of the bundle: PGlite
  // loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  experimental: {
    // Rendered pages live in memory only: after a restart every page is
    // rendered again from the database, never served from an older run.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
