// Each test file starts with no work left by the files before it. Their apps are gone by now,
// and a job they left (a follow-up due days later, a retry, a claim a killed app held) would
// otherwise run whenever this file moves the sandbox clock: minutes of work per file, and texts
// nobody here asked for.
import { inject } from "vitest";
import { createDb } from "~/db.server";
import { cancelLeftoverJobs } from "./database";

const db = createDb(inject("databaseUrl"));
try {
  await cancelLeftoverJobs(db, ["queued", "running"]);
} finally {
  await db.$disconnect();
}
