// `npm run worker`: the job worker as its own process (with TEXTBACK_WORKER=off on the web
// processes). On PostgreSQL any number may run, on any machine; on SQLite run only this one.
import { startAppWorker } from "./worker-process.server";
import { logger } from "../logger.server";

const worker = startAppWorker({ workerId: `worker-${process.pid}` });
logger.info({ component: "jobs", workerId: worker.workerId }, "job worker running");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
