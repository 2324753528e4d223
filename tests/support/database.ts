// The test run's database (see global-setup.ts), opened once per test file.
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "~/db.server";

export function useTestDatabase(): { db: Db; url: string; engine: "sqlite" | "postgresql" } {
  const url = inject("databaseUrl");
  const db = createDb(url);
  afterAll(() => db.$disconnect());
  return { db, url, engine: inject("engine") };
}
