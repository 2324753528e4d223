// The Prisma client for whichever engine DATABASE_URL names. Each engine has its own
// generated client (docs/decisions/002); both expose the same models, so the app is typed
// against the SQLite one. The clients load at run time from prisma/generated so the bundler
// leaves their WebAssembly query compilers alone.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { setImmediate as turnOfTheEventLoop } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { Contact, Message, PrismaClient, Shop } from "../prisma/generated/sqlite/index.js";

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

type GeneratedModule = { PrismaClient: new (options: unknown) => Db; Prisma: SqlBuilders };

/**
 * Prisma's defaults (2 s to get a connection, 5 s to finish) fail work that is only queued:
 * a burst of webhooks waits for the pool or SQLite's one writer, and under load that wait
 * passed 2 s, which answered a delivery with 500 (and a retry) instead of recording it.
 */
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

function postgresClient(databaseUrl: string): Db {
  const { PrismaPg } = requireFromRoot("@prisma/adapter-pg");
  const { PrismaClient: PostgresClient, Prisma } = requireFromRoot("./prisma/generated/postgresql") as GeneratedModule;
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema");
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: Number(url.searchParams.get("connection_limit") ?? 10) },
    schema ? { schema } : undefined,
  );
  return remember(new PostgresClient({ adapter, transactionOptions }), "postgresql", Prisma);
}

function sqliteClient(databaseUrl: string): Db {
  const { PrismaBetterSQLite3 } = requireFromRoot("@prisma/adapter-better-sqlite3");
  // WAL lets the worker write while pages read, and is a property of the file: set it once here.
  const Database = requireFromRoot("better-sqlite3");
  const file = new Database(databaseUrl.replace(/^file:/, ""));
  file.pragma("journal_mode = WAL");
  file.close();
  const { PrismaClient: SqliteClient, Prisma } = requireFromRoot("./prisma/generated/sqlite") as GeneratedModule;
  // better-sqlite3 waits this long on a locked database instead of failing with SQLITE_BUSY.
  const adapter = serialisedAndYielding(syncedAtCheckpoints(new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 })));
  return remember(new SqliteClient({ adapter, transactionOptions }), "sqlite", Prisma);
}

interface Queryable {
  queryRaw(...args: unknown[]): Promise<unknown>;
  executeRaw(...args: unknown[]): Promise<unknown>;
}
interface Transaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
interface DriverAdapter extends Queryable {
  startTransaction(...args: unknown[]): Promise<Transaction>;
  executeScript(script: string): Promise<void>;
}
interface DriverAdapterFactory {
  connect(): Promise<DriverAdapter>;
}


/**
 * WAL with synchronous=NORMAL, as Rails 8 runs SQLite in production: a commit is safe from a
 * crash of the process at once, and from a power cut once the WAL is checkpointed. FULL
 * syncs the disk at every commit, which was most of what a statement cost (docs/decisions/019).
 */
function syncedAtCheckpoints<F extends DriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript("PRAGMA synchronous = NORMAL");
    return adapter;
  };
  return factory;
}

/** A FIFO lock: resolves with the function that releases it. */
function createLock() {
  let tail = Promise.resolve();
  return async () => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise((resolve) => (release = resolve));
    await previous;
    return release;
  };
}

/**
 * SQLite is one connection per client, and better-sqlite3 is synchronous. Two consequences for
 * the client every flow of a process shares:
 * - Prisma's adapter serialises transactions but not single statements, so a statement of
 *   another flow issued while a transaction was open ran inside it (and was undone by its
 *   rollback). Here every statement outside a transaction waits for the open one to end.
 * - Promise callbacks run queries back to back without the event loop taking an HTTP request
 *   in between (measured: seconds of lag with the worker in the web process). Each statement
 *   outside a transaction, and each transaction, first gives the event loop a turn. Not each
 *   statement inside one: a second connection of the same process (two workers in a test)
 *   would wait for the file lock synchronously, and the open transaction could never finish.
 */
function serialisedAndYielding<F extends DriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const lock = createLock();
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = adapter[method].bind(adapter);
      adapter[method] = async (...args: unknown[]) => {
        // The turn comes before the lock: taken while holding it, every statement queued
        // behind would wait a turn of its own, one statement per turn of a busy event loop.
        await turnOfTheEventLoop();
        const release = await lock();
        try {
          return await run(...args);
        } finally {
          release();
        }
      };
    }
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: unknown[]) => {
      await turnOfTheEventLoop();
      const release = await lock();
      try {
        const tx = await startTransaction(...args);
        for (const end of ["commit", "rollback"] as const) {
          const original = tx[end].bind(tx);
          tx[end] = () => original().finally(release);
        }
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  };
  return factory;
}

/** Prisma's SQL fragment builders, for statements whose shape varies (multi-row inserts). */
export interface SqlBuilders {
  sql: typeof import("../prisma/generated/sqlite/index.js").Prisma.sql;
  join: typeof import("../prisma/generated/sqlite/index.js").Prisma.join;
  raw: typeof import("../prisma/generated/sqlite/index.js").Prisma.raw;
}

const engines = new WeakMap<object, DatabaseEngine>();
const builders = new WeakMap<object, SqlBuilders>();

const buildersByEngine = new Map<DatabaseEngine, SqlBuilders>();

function remember(db: Db, engine: DatabaseEngine, generated: SqlBuilders) {
  engines.set(db, engine);
  const { sql, join, raw } = generated;
  builders.set(db, { sql, join, raw });
  buildersByEngine.set(engine, { sql, join, raw });
  return db;
}

export function createDb(databaseUrl: string): Db {
  return databaseEngine(databaseUrl) === "postgresql" ? postgresClient(databaseUrl) : sqliteClient(databaseUrl);
}

/**
 * The builders of the client's own generated module: each engine's client has its own copy of
 * Prisma's runtime and recognises only its own fragments.
 */
export function sqlBuildersOf(db: object): SqlBuilders {
  const found = builders.get(db) ?? buildersByEngine.get(engineOf(db));
  if (!found) throw new Error("sqlBuildersOf: not a client made by createDb");
  return found;
}

interface Tables {
  Shop: Shop;
  Message: Message;
  Contact: Contact;
}

/**
 * Whole rows by id in one plain statement, for the paths that read many rows per text sent:
 * Prisma's query building there costs more than the read. Raw reads come back with the same
 * types as Prisma's own on both engines (Date, Decimal, boolean).
 */
export async function rowsWithIds<T extends keyof Tables>(db: Pick<Db, "$queryRaw">, table: T, ids: string[]): Promise<Tables[T][]> {
  if (ids.length === 0) return [];
  const { sql, join, raw } = sqlBuildersOf(db);
  return db.$queryRaw<Tables[T][]>(sql`SELECT * FROM ${raw(`"${table}"`)} WHERE "id" IN (${join(ids)})`);
}

/**
 * The engine of a client or of a transaction's client. Prisma exposes no public way to ask; both
 * generated clients, and the clients of their transactions, carry their provider here.
 */
export function engineOf(db: object): DatabaseEngine {
  const provider = engines.get(db) ?? (db as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql" || provider === "sqlite") return provider;
  throw new Error(`Unsupported database provider "${provider}"`);
}

/**
 * A case-insensitive "contains" filter on either engine: SQLite's LIKE already ignores ASCII
 * case and rejects Prisma's `mode`, PostgreSQL needs `mode: "insensitive"`.
 */
export function containsIgnoringCase(db: object, term: string) {
  return engines.get(db) === "postgresql" ? { contains: term, mode: "insensitive" as const } : { contains: term };
}
