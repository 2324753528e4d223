// What runs beside the HTTP server in the web process: the job worker and, in the sandbox,
// the stand-ins for Shopify and Telnyx. The server calls startRuntime once it is listening.
import { appContext, env } from "./services.server";
import { startAppWorker } from "./jobs/worker-process.server";
import { startSandbox } from "./sandbox/sandbox.server";
import { webhooksFirst } from "./webhooks.server";

export async function startRuntime({ port }: { port: number }) {
  const sandbox = env.TEXTBACK_SANDBOX ? await startSandbox(appContext, { port, env }) : undefined;
  const worker =
    env.TEXTBACK_WORKER === "inline"
      ? startAppWorker({ workerId: `web-${process.pid}`, pace: webhooksFirst })
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
