// The sandbox brings its database up to date before it starts. `prisma migrate deploy` takes
// seconds even when nothing is pending (it boots the CLI), so it runs only when a migration in
// the engine's folder is not yet recorded as applied in the database.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createDb, databaseEngine } from "../db.server";
import { logger } from "../logger.server";

const MIGRATIONS = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" } as const;

async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  const db = createDb(databaseUrl);
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    // A new database has no migrations table yet.
    return new Set();
  } finally {
    await db.$disconnect();
  }
}

export async function deployPendingMigrations(databaseUrl: string) {
  const folder = MIGRATIONS[databaseEngine(databaseUrl)];
  const expected = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const applied = await appliedMigrations(databaseUrl);
  if (expected.every((name) => applied.has(name))) return;
  // Prisma's chatter stays out of the log; a failure throws with it.
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "pipe"] });
  logger.info({ component: "sandbox", migrations: expected.filter((name) => !applied.has(name)) }, "database migrated");
}
