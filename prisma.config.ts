// Prisma CLI configuration: the DATABASE_URL scheme picks the schema copy, its migrations and
// a driver adapter, because no native engine can be downloaded here (docs/decisions/002).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomUUID } from "node:crypto";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

const databaseUrl = process.env.DATABASE_URL ?? "file:./.sandbox/textback.db";
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);

// The schema engine reads catalog columns of type `name` (19), `"char"` (18) and
// information_schema domains, which the pg adapter cannot map (prisma/orm#27403). Report
// domains as their base type and the two text-like types as text (25).
const TEXT_TYPE_ID = 25;
const domainBaseTypes = new Map<number, number>();
async function loadDomainBaseTypes(config: pg.PoolConfig) {
  const client = new pg.Client(config);
  await client.connect();
  const { rows } = await client.query("SELECT oid, typbasetype FROM pg_type WHERE typtype = 'd'");
  for (const row of rows) domainBaseTypes.set(Number(row.oid), Number(row.typbasetype));
  await client.end();
}
function reportCatalogTypesAsText(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? []) {
    const baseType = domainBaseTypes.get(field.dataTypeID) ?? field.dataTypeID;
    field.dataTypeID = baseType === 19 || baseType === 18 ? TEXT_TYPE_ID : baseType;
  }
  return result;
}
class CatalogTolerantClient extends pg.Client {
  // pg.Pool calls query with a callback; the adapter awaits a promise: handle both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const callback = args.at(-1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const query = super.query as (...a: any[]) => any;
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) =>
        callback(error, error ? result : reportCatalogTypesAsText(result));
      return query.apply(this, args);
    }
    const pending = query.apply(this, args);
    return pending instanceof Promise ? pending.then(reportCatalogTypesAsText) : pending;
  }
}

// The schema engine replays each migration file on the shadow database as one executeRaw,
// which both drivers refuse for several statements (P3006): send such SQL as a script.
function acceptingMigrationScripts(connection: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = connection.executeRaw.bind(connection);
  connection.executeRaw = async (query) => {
    if (query.args.length > 0 || !query.sql.includes(";")) return executeRaw(query);
    await connection.executeScript(query.sql);
    return 0;
  };
  return connection;
}

function postgresConnectionFields(url: string, database?: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: database ?? parsed.pathname.slice(1),
    options: parsed.searchParams.get("schema")
      ? `-c search_path=${parsed.searchParams.get("schema")}`
      : undefined,
  };
}

// adapter-pg drops its shadow database while still connected to it, and lets
// connectionString override `database`; so the shadow is made and dropped here, by fields.
async function postgresMigrationAdapter(url: string) {
  await loadDomainBaseTypes(postgresConnectionFields(url));
  const adapterFor = (config: pg.PoolConfig) =>
    new PrismaPg(new pg.Pool({ ...config, Client: CatalogTolerantClient }));
  const main = adapterFor(postgresConnectionFields(url));
  return Object.assign(main, {
    async connectToShadowDb() {
      const admin = new pg.Client(postgresConnectionFields(url));
      await admin.connect();
      // A shadow left behind by a crashed run must not accumulate.
      const stale = await admin.query(
        "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'",
      );
      for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      const shadowName = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      const shadowPool = new pg.Pool({
        ...postgresConnectionFields(url, shadowName),
        options: undefined,
        Client: CatalogTolerantClient,
      });
      const connection = acceptingMigrationScripts(await new PrismaPg(shadowPool).connect());
      const dispose = connection.dispose.bind(connection);
      connection.dispose = async () => {
        await dispose();
        await shadowPool.end();
        await admin.query(`DROP DATABASE IF EXISTS "${shadowName}"`);
        await admin.end();
      };
      return connection;
    },
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: isPostgres ? "prisma/postgresql/migrations" : "prisma/migrations",
  },
  async adapter() {
    if (isPostgres) return postgresMigrationAdapter(databaseUrl);
    const sqlite = new PrismaBetterSQLite3({ url: databaseUrl });
    const connectToShadowDb = sqlite.connectToShadowDb.bind(sqlite);
    return Object.assign(sqlite, {
      connectToShadowDb: async () => acceptingMigrationScripts(await connectToShadowDb()),
    });
  },
});
