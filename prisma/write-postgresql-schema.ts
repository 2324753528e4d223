// Writes prisma/postgresql/schema.prisma from the one hand-edited SQLite schema.
// A generated client is bound to one provider and `provider` cannot come from env(),
// so PostgreSQL gets its own copy (see docs/decisions/002-one-schema-two-engines.md).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const sqliteSchemaPath = fileURLToPath(new URL("./schema.prisma", import.meta.url));
const postgresSchemaPath = fileURLToPath(new URL("./postgresql/schema.prisma", import.meta.url));

export function postgresqlSchemaFrom(sqliteSchema: string): string {
  const swaps: Array<[RegExp, string]> = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://placeholder@localhost:5432/placeholder"'],
    [/output\s*=\s*"generated\/sqlite"/, 'output     = "../generated/postgresql"'],
    [/^\/\/ The one hand-edited schema.*$/m, "// GENERATED from prisma/schema.prisma by `npm run db:schema`: do not edit."],
  ];
  return swaps.reduce((schema, [pattern, replacement]) => {
    if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}`);
    return schema.replace(pattern, replacement);
  }, sqliteSchema);
}

const expected = postgresqlSchemaFrom(readFileSync(sqliteSchemaPath, "utf8"));
if (process.argv.includes("--check")) {
  const actual = readFileSync(postgresSchemaPath, "utf8");
  if (actual !== expected) {
    console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:schema`.");
    process.exit(1);
  }
} else {
  writeFileSync(postgresSchemaPath, expected);
}
