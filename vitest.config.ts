import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit tests run without the Remix plugin: domain and model code needs no bundler magic.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "e2e/bench/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    setupFiles: ["./app/test/setup-unit.ts"],
  },
});
