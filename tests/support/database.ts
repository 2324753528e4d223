// The test run's database (see global-setup.ts), opened once per test file.
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "~/db.server";

export function useTestDatabase(): { db: Db; url: string; engine: "sqlite" | "postgresql" } {
  const url = inject("databaseUrl");
  const db = createDb(url);
  afterAll(() => db.$disconnect());
  return { db, url, engine: inject("engine") };
}

/**
 * Cancels every job still waiting in the shared database, left by earlier test files (a held
 * text, a retry), and frees every sending number's booked send slots. Tests that count what
 * reaches Telnyx, or wait for a text, start from this clean slate.
 */
export async function cancelLeftoverJobs(db: Db, statuses: ("queued" | "running")[] = ["queued"]) {
  await db.job.updateMany({ where: { status: { in: statuses } }, data: { status: "cancelled", cancelReason: "left by an earlier test file" } });
  await db.sendingRate.deleteMany();
}
