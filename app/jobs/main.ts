// `npm run worker`: the job worker as its own process (with TEXTBACK_WORKER=off on the web
// processes). On PostgreSQL any number may run; on SQLite run only this one.
import { appContext, jobRegistry } from "../services.server";
import { startWorker } from "./worker.server";

const worker = startWorker(appContext, jobRegistry, { workerId: `worker-${process.pid}` });
console.log(`Job worker ${process.pid} running`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
