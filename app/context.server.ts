import type { Clock } from "./clock.server";
import type { Db } from "./db.server";

// What every domain function needs from the outside world, passed in so tests and the
// sandbox can supply their own.
export interface AppContext {
  db: Db;
  clock: Clock;
}
