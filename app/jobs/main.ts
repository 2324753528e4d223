// `npm run worker`: the job worker as its own process (with TEXTBACK_WORKER=off on the web
// processes). On PostgreSQL any number may run, on any machine; on SQLite run only this one.
import { createServer } from "node:http";
import { startAppWorker } from "./worker-process.server";
import { logger } from "../logger.server";
import { metricsHandler } from "../metrics.server";
import { appContext, env } from "../services.server";

const worker = startAppWorker({ workerId: `worker-${process.pid}` });
// Its counters (jobs run, texts sent, Telnyx requests) live in this process, not the web's.
const metrics = env.METRICS_PORT ? createServer(metricsHandler(appContext, { token: env.METRICS_TOKEN })).listen(env.METRICS_PORT) : undefined;
logger.info({ component: "jobs", workerId: worker.workerId }, "job worker running");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    metrics?.close();
    await worker.stop();
    process.exit(0);
  });
}
