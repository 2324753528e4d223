// How workers learn that jobs were queued for now, without waiting for their next poll: an
// in-process signal for work queued by this process, and on PostgreSQL a NOTIFY on one channel
// that every worker process LISTENs to (delivered when the enqueueing transaction commits).
import pg from "pg";
import { errorSummary } from "../logger.server";
import type { JobLogger } from "./worker.server";

export const JOBS_CHANNEL = "textback_jobs";

const wakers = new Set<() => void>();

/** Work was queued for now in this process: its workers look at once. */
export function jobsQueued() {
  for (const wake of wakers) wake();
}

/** Calls `wake` whenever this process queues work; returns the function that stops it. */
export function onJobsQueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

const RECONNECT_MS = 1_000;

/**
 * LISTENs on its own connection (a pooled one could not hold the LISTEN) and wakes this process's
 * workers on every notification. A dropped connection is opened again; polling covers the gap.
 */
export function listenForJobs(databaseUrl: string, log: JobLogger): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const url = new URL(databaseUrl);
    // Prisma's own parameters mean nothing to pg.
    for (const name of ["schema", "connection_limit"]) url.searchParams.delete(name);
    const next = new pg.Client({ connectionString: url.toString() });
    next.on("notification", () => jobsQueued());
    next.on("error", (error) => {
      log({ error: errorSummary(error) }, "LISTEN connection lost");
      reconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${JOBS_CHANNEL}`);
      if (stopped) return void (await next.end());
      client = next;
      jobsQueued();
    } catch (error) {
      log({ error: errorSummary(error) }, "could not LISTEN for jobs");
      await next.end().catch(() => {});
      reconnect();
    }
  };
  const reconnect = () => {
    const lost = client;
    client = undefined;
    void lost?.end().catch(() => {});
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), RECONNECT_MS);
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
