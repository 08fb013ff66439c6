import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
    // Routes stay thin: every query lives in app/models.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "~/db.server", message: "Routes do not query the database: call a function in app/models." },
            { name: "drizzle-orm", message: "Routes do not query the database: call a function in app/models." },
            { name: "lucia", message: "lucia stays behind app/auth/session.server.ts." },
          ],
          patterns: [{ group: ["drizzle-orm/*", "~db/*", "**/db.server"], message: "Routes do not query the database: call a function in app/models." }],
        },
      ],
    },
  },
  {
    // The domain is pure TypeScript: no framework, no database, no I/O.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*", "drizzle-orm", "drizzle-orm/*", "~/db.server", "~/models/*", "node:*", "!node:crypto", "react", "react-*", "lucia"],
              message: "app/domain is pure: no framework, database or I/O imports.",
            },
          ],
        },
      ],
    },
  },
);
