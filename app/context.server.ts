import type { Clock } from "./clock.server";
import type { Db } from "./db.server";

// What every domain function needs from the outside world, passed in so tests and the
// sandbox can supply their own.
export interface AppContext {
  db: Db;
  clock: Clock;
}

// Runs work in one transaction with a context whose db is that transaction, so the domain
// functions it calls commit or roll back together. A context that already holds a
// transaction's client (which has no $transaction) joins it instead of nesting.
export function inTransaction<T>(ctx: AppContext, work: (txCtx: AppContext) => Promise<T>): Promise<T> {
  if (typeof (ctx.db as Partial<Db>).$transaction !== "function") return work(ctx);
  return ctx.db.$transaction((tx) => work({ ...ctx, db: tx as unknown as Db }));
}
