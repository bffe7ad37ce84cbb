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
    // Pages, actions and components reach data only through DAL functions that check
    // the caller. These modules are the DAL's own building blocks and check nobody.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/db/*",
                "@/lib/dal/profile",
                "@/lib/dal/review-rows",
                "@/lib/dal/follow-rows",
                "@/lib/dal/notification-rows",
                "@/lib/mail/*",
              ],
              message: "Use a DAL function that checks the caller (lib/dal/*).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
