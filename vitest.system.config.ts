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
    // Holding a render open needs a second connection to the app's database, and
    // several instances need a database server: Postgres only.
    exclude: process.env.DATABASE_URL
      ? []
      : ["system/render-race.test.ts", "system/cluster.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
