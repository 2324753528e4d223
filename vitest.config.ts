import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// The whole suite runs twice: on SQLite (the embedded default) and on PostgreSQL (production).
const engines = ["sqlite", "postgresql"] as const;

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      // The checkout extension's rendering: a DOM, no database (its tsconfig sets preact's JSX).
      { test: { name: "extension", include: ["extensions/**/*.test.tsx"], environment: "happy-dom" } },
      ...engines.map((engine) => ({
        extends: true as const,
        test: {
          name: engine,
          include: ["app/**/*.test.ts", "tests/**/*.test.ts"],
          env: { TEST_ENGINE: engine },
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/file-setup.ts"],
          // Files share one database per engine; running them one at a time keeps races
          // confined to the tests that stage them on purpose.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
