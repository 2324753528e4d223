// `npm run worker`: the job worker as its own process (with TEXTBACK_WORKER=off on the web
// processes). On PostgreSQL any number may run, on any machine; on SQLite run only this one.
import { startAppWorker } from "./worker-process.server";

const worker = startAppWorker({ workerId: `worker-${process.pid}` });
console.log(`Job worker ${process.pid} running`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
