// Whether this process should be sent traffic: the database answers and has every migration
// this build ships. A deploy that starts before its migrations ran is kept out of rotation
// rather than failing requests on a missing column.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { engineOf, type Db } from "./db.server";

const MIGRATION_FOLDERS = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" } as const;
let shipped: string[] | undefined;

function shippedMigrations(db: Db): string[] {
  shipped ??= readdirSync(resolve(process.cwd(), MIGRATION_FOLDERS[engineOf(db)]), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return shipped;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function readiness(db: Db): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return { ready: false, reason: "the database does not answer, or has never been migrated" };
  }
  const pending = shippedMigrations(db).filter((name) => !applied.has(name));
  if (pending.length > 0) return { ready: false, reason: `${pending.length} migration(s) pending, first ${pending[0]}: run npm run db:deploy` };
  return { ready: true };
}
