import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The DAL fence: only the data access layer opens the database and reaches its
// `internal/` building blocks, which check nobody. Types may cross: a type carries no data.
const FENCE = {
  group: ["@/db", "@/db/**", "**/db/**", "@/lib/dal/**/internal/**", "**/internal/**"],
  message: "Use a DAL function that checks the caller (lib/dal/<domain>/*).",
  allowTypeImports: true,
};
const NO_MAIL = {
  group: ["@/lib/mail/*", "**/lib/mail/*"],
  message: "lib/mail composes and sends; it is not called from pages or from the DAL.",
  allowTypeImports: true,
};
const NO_DAL = {
  group: ["@/lib/dal/**", "**/lib/dal/**"],
  message: "lib/mail is handed the DAL's outbox (instrumentation.ts); it does not import the DAL.",
  allowTypeImports: true,
};
const TESTS_AND_TOOLS = ["db/**", "test/**", "system/**", "scripts/**", "e2e/**", "**/*.test.ts"];

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
    // Pages, actions, components and the rest of lib/ go through DAL functions that
    // check the caller. Tests, scripts and the database's own code sit outside the fence.
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    // instrumentation.ts is the server's own start-up: it opens the database and hands
    // the mail worker the DAL's outbox (system functions that check nobody).
    ignores: [
      "lib/dal/**",
      "lib/mail/**",
      "drizzle.config.ts",
      "instrumentation.ts",
      ...TESTS_AND_TOOLS,
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [FENCE, NO_MAIL] }] },
  },
  {
    // The DAL keeps the outbox's rows; lib/mail composes and sends. Neither imports the other.
    files: ["lib/mail/**"],
    ignores: TESTS_AND_TOOLS,
    rules: { "no-restricted-imports": ["error", { patterns: [FENCE, NO_DAL] }] },
  },
  {
    files: ["lib/dal/**"],
    ignores: TESTS_AND_TOOLS,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_MAIL] }] },
  },
];

export default config;
