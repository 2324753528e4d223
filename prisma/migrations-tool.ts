// `npm run db:migration -- <name>` writes the next migration for both engines from the schema;
// `npm run db:check` fails when either engine's migrations have drifted from the schema.
// Both replay the migrations on a throwaway shadow database (see prisma.config.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const engines = [
  { name: "sqlite", url: "file:./.sandbox/migrations-check.db", schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  { name: "postgresql", url: POSTGRES_URL, schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
];

function diff(engine: (typeof engines)[number], extra: string[]) {
  mkdirSync(".sandbox", { recursive: true });
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-migrations", engine.migrations, "--to-schema-datamodel", engine.schema, ...extra],
    { env: { ...process.env, DATABASE_URL: engine.url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

function check() {
  let drifted = false;
  for (const engine of engines) {
    try {
      diff(engine, ["--exit-code"]);
      console.log(`${engine.name}: migrations match the schema`);
    } catch (error) {
      drifted = true;
      console.error(`${engine.name}: migrations differ from ${engine.schema}: run \`npm run db:migration -- <name>\``);
      console.error((error as { stdout?: string }).stdout ?? error);
    }
  }
  if (drifted) process.exit(1);
}

function create(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_link_clicks");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const engine of engines) {
    const sql = diff(engine, ["--script"]);
    if (!/^(CREATE|ALTER|DROP|INSERT|PRAGMA)/m.test(sql)) {
      console.log(`${engine.name}: no changes`);
      continue;
    }
    const dir = `${engine.migrations}/${stamp}_${name}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/migration.sql`, sql);
    console.log(`${engine.name}: wrote ${dir}/migration.sql`);
  }
}

const [command, name] = process.argv.slice(2);
if (command === "check") check();
else if (command === "create" && name) create(name);
else {
  console.error("usage: migrations-tool.ts check | create <name>");
  process.exit(2);
}
