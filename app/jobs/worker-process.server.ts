// The worker as the app runs it, in the web process or in its own: the environment's
// concurrency and retention, and on PostgreSQL a LISTEN so jobs queued by other processes wake it.
import { databaseEngine } from "../db.server";
import { appContext, env, jobRegistry } from "../services.server";
import { listenForJobs } from "./job-signals.server";
import { logJobEvent, startWorker, type WorkerOptions } from "./worker.server";

export function startAppWorker(options: Pick<WorkerOptions, "workerId" | "pace" | "concurrency">) {
  const listener = databaseEngine(env.DATABASE_URL) === "postgresql" ? listenForJobs(env.DATABASE_URL, logJobEvent) : undefined;
  const worker = startWorker(appContext, jobRegistry, {
    concurrency: env.TEXTBACK_WORKER_CONCURRENCY,
    retentionMs: env.TEXTBACK_JOB_RETENTION_DAYS * 24 * 3_600_000,
    ...options,
  });
  return {
    workerId: worker.workerId,
    async stop() {
      await listener?.stop();
      await worker.stop();
    },
  };
}
