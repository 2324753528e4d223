// Creates an empty database for one test run and applies the project's migrations to it,
// through the same `prisma migrate deploy` a deployment runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type TestEngine = "sqlite" | "postgresql";

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export function migrate(databaseUrl: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createMigratedDatabase(engine: TestEngine, label: string) {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `textback-${label}-`));
    const url = `file:${join(dir, "test.db")}`;
    migrate(url);
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `textback_${label}_${process.pid}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  migrate(url.toString());
  return {
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
