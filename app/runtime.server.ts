// What runs beside the HTTP server in the web process: the job worker and, in the sandbox,
// the stand-ins for Shopify and Telnyx. The server calls startRuntime once it is listening.
import { appContext, env } from "./services.server";
import { startAppWorker } from "./jobs/worker-process.server";
import { startSandbox } from "./sandbox/sandbox.server";
import { webhooksFirst } from "./webhooks.server";
import { metricsHandler } from "./metrics.server";

export const serveMetrics = metricsHandler(appContext, { token: env.METRICS_TOKEN });

// The web process shares its database connections with the worker beside it: hundreds of
// jobs' statements queued ahead of a webhook's would make Shopify and Telnyx wait. Scale out
// with `npm run worker` processes instead.
const INLINE_CONCURRENCY = 50;

export async function startRuntime({ port }: { port: number }) {
  const sandbox = env.TEXTBACK_SANDBOX ? await startSandbox(appContext, { port, env }) : undefined;
  const worker =
    env.TEXTBACK_WORKER === "inline"
      ? startAppWorker({ workerId: `web-${process.pid}`, pace: webhooksFirst, concurrency: Math.min(env.TEXTBACK_WORKER_CONCURRENCY, INLINE_CONCURRENCY) })
      : undefined;
  return {
    describe: () => [
      worker ? "Job worker: running in this process" : "Job worker: off (run `npm run worker`)",
      ...(sandbox?.describe() ?? []),
    ],
    async stop() {
      await worker?.stop();
      await sandbox?.stop();
    },
  };
}
