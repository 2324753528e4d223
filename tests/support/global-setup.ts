// One migrated database per vitest project (sqlite, postgresql), shared by its test files,
// which run one at a time and keep to their own shops.
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, type TestEngine } from "./migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    engine: TestEngine;
  }
}

export default async function setup(project: TestProject) {
  const engine = (project.config.env?.TEST_ENGINE ?? "sqlite") as TestEngine;
  const database = await createMigratedDatabase(engine, `vitest_${engine}`);
  project.provide("databaseUrl", database.url);
  project.provide("engine", engine);
  return () => database.drop();
}
