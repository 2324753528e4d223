// The Prisma client for whichever engine DATABASE_URL names. Each engine has its own
// generated client (docs/decisions/002); both expose the same models, so the app is typed
// against the SQLite one. The clients load at run time from prisma/generated so the bundler
// leaves their WebAssembly query compilers alone.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../prisma/generated/sqlite/index.js";

export type { Prisma } from "../prisma/generated/sqlite/index.js";
export type Db = PrismaClient;
export type DatabaseEngine = "sqlite" | "postgresql";

export function databaseEngine(databaseUrl: string): DatabaseEngine {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  if (databaseUrl.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${databaseUrl.split(":")[0]}:")`);
}

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "prisma", "schema.prisma"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find the project root (prisma/schema.prisma)");
    dir = parent;
  }
  return dir;
}

const requireFromRoot = createRequire(join(projectRoot(), "package.json"));

function postgresClient(databaseUrl: string): Db {
  const { PrismaPg } = requireFromRoot("@prisma/adapter-pg");
  const { PrismaClient: PostgresClient } = requireFromRoot("./prisma/generated/postgresql");
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema");
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: Number(url.searchParams.get("connection_limit") ?? 10) },
    schema ? { schema } : undefined,
  );
  return new PostgresClient({ adapter }) as Db;
}

function sqliteClient(databaseUrl: string): Db {
  const { PrismaBetterSQLite3 } = requireFromRoot("@prisma/adapter-better-sqlite3");
  // WAL lets the worker write while pages read, and is a property of the file: set it once here.
  const Database = requireFromRoot("better-sqlite3");
  const file = new Database(databaseUrl.replace(/^file:/, ""));
  file.pragma("journal_mode = WAL");
  file.close();
  const { PrismaClient: SqliteClient } = requireFromRoot("./prisma/generated/sqlite");
  // better-sqlite3 waits this long on a locked database instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 });
  return new SqliteClient({ adapter }) as Db;
}

const engines = new WeakMap<object, DatabaseEngine>();

export function createDb(databaseUrl: string): Db {
  const engine = databaseEngine(databaseUrl);
  const db = engine === "postgresql" ? postgresClient(databaseUrl) : sqliteClient(databaseUrl);
  engines.set(db, engine);
  return db;
}

/**
 * A case-insensitive "contains" filter on either engine: SQLite's LIKE already ignores ASCII
 * case and rejects Prisma's `mode`, PostgreSQL needs `mode: "insensitive"`.
 */
export function containsIgnoringCase(db: object, term: string) {
  return engines.get(db) === "postgresql" ? { contains: term, mode: "insensitive" as const } : { contains: term };
}
