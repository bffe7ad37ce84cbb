import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The DAL fence. Only the data access layer opens the database, and only the DAL
    // reaches its `internal/` building blocks, which check nobody. Everything else
    // (pages, actions, components, lib/) goes through DAL functions that check the
    // caller. Types may cross: a type carries no data. Tests, scripts and the
    // database's own code (db/, test/, system/, scripts/) sit outside the fence.
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    ignores: [
      "lib/dal/**",
      "db/**",
      "test/**",
      "system/**",
      "scripts/**",
      "e2e/**",
      "**/*.test.ts",
      "drizzle.config.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "**/db/**", "@/lib/dal/**/internal/**", "**/internal/**"],
              message: "Use a DAL function that checks the caller (lib/dal/<domain>/*).",
              allowTypeImports: true,
            },
            {
              group: ["@/lib/mail/*"],
              message: "Pages and components do not send email; the DAL queues it.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
