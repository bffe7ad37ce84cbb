import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database driver and pg must stay out of the bundle: PGlite
  // loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
