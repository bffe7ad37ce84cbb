import path from "node:path";
import { defineConfig } from "vitest/config";

// System tests start the production build as real server processes (and kill
// them), so they run one file at a time, after `next build`. `npm run test:system`.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    include: ["system/**/*.test.ts"],
    // Holding a render open needs a second connection to the app's database, several
    // instances need a database server, and an outage is staged on a TCP proxy in
    // front of Postgres, and a restart on a Postgres server of the test's own: Postgres only.
    exclude: process.env.DATABASE_URL
      ? []
      : [
          "system/render-race.test.ts",
          "system/cluster.test.ts",
          "system/database-outage.test.ts",
          "system/postgres-restart.test.ts",
        ],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
