import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run the DAL directly.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    // system/ starts real servers, one file at a time: vitest.system.config.ts.
    exclude: [
      "node_modules/**",
      ".next/**",
      "e2e/**",
      ".data/**",
      "system/**",
      // Several app instances sharing one Postgres: nothing to share on PGlite.
      ...(process.env.DATABASE_URL ? [] : ["**/*.postgres.test.ts"]),
    ],
    setupFiles: ["test/setup-db.ts", "test/setup-next.ts"],
    // Database tests share one embedded database per file; files run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
