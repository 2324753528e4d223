// Set-based inserts the database expands itself (generate_series on PostgreSQL, a recursive
// CTE on SQLite), with timestamps written as each engine's Prisma columns store them.
import type { BenchDatabase } from "./app-under-test";

/** `at("i * 60")`: the timestamp that many seconds after `epochSeconds`. */
export function bulkInsertDialect(engine: BenchDatabase["engine"], epochSeconds: number) {
  return engine === "postgresql"
    ? {
        at: (seconds: string) => `(to_timestamp(${epochSeconds} + (${seconds})) AT TIME ZONE 'UTC')`,
        insert: (count: number, into: string, select: string) => `INSERT INTO ${into} SELECT ${select} FROM generate_series(0, ${count - 1}) AS seq(i)`,
      }
    : {
        at: (seconds: string) => `(strftime('%Y-%m-%dT%H:%M:%f', ${epochSeconds} + (${seconds}), 'unixepoch') || '+00:00')`,
        insert: (count: number, into: string, select: string) =>
          `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count - 1}) INSERT INTO ${into} SELECT ${select} FROM seq`,
      };
}
