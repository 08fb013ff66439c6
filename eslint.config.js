import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Names of model functions that write: routes may not import them (commands do the writing). */
const modelWriteNames =
  "^(insert|write|update|delete|remove|mark|set|create|revoke|append|record|apply|register|approve|reject|cancel|confirm|review|accept|queue|notify|file|release|return|certify|validate|end|start)";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "playwright-report/**", "test-results/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Later blocks replace this rule for routes and the domain, so they repeat the lucia ban.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "e2e/**/*.ts"],
    ignores: ["app/auth/session.server.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "lucia", message: "lucia stays behind app/auth/session.server.ts." }] }] },
  },
  {
    // Routes stay thin: they read through models and change things only through commands.
    files: ["app/routes/**/*.{ts,tsx}"],
    // A route's own test sets up its data directly, as every other test does.
    ignores: ["app/routes/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "~/db.server", message: "Routes do not touch the database: read through app/models, change through app/commands." },
            { name: "drizzle-orm", message: "Routes do not touch the database: read through app/models, change through app/commands." },
            { name: "lucia", message: "lucia stays behind app/auth/session.server.ts." },
          ],
          patterns: [
            {
              group: ["drizzle-orm/*", "~db/*", "**/db.server", "../../db/*"],
              message: "Routes do not touch the database: read through app/models, change through app/commands.",
            },
            {
              group: ["~/models/*", "../models/*"],
              importNamePattern: modelWriteNames,
              message: "Routes change nothing themselves: call the command in app/commands/<noun>/<verb>-<noun>.server.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure TypeScript: no framework, no database, no I/O. It owns the words; db/schema.ts imports them.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@remix-run/*",
                "drizzle-orm",
                "drizzle-orm/*",
                "~db/*",
                "**/db/*",
                "~/db.server",
                "**/db.server",
                "~/models/*",
                "**/models/*",
                "~/commands/*",
                "**/commands/*",
                "~/routes/*",
                "**/routes/*",
                "~/auth/*",
                "~/http/*",
                "better-sqlite3",
                "node:*",
                "!node:crypto",
                "fs",
                "child_process",
                "react",
                "react-*",
                "lucia",
              ],
              message: "app/domain is pure: no framework, database, model, command, route or I/O imports.",
            },
          ],
        },
      ],
    },
  },
);
