// The production image's steps, outside Docker (no engine runs here): build, a fresh PostgreSQL
// database migrated as the image's start migrates it, then the web process (`npm start`,
// TEXTBACK_WORKER=off) and a worker process (`npm run worker`) as compose.yaml runs them, with
// Telnyx's API played by the double. A signed Telnyx webhook (a shopper's HELP) must lead to
// the answer reaching Telnyx from the worker; SIGTERM, sent to each npm process as Docker sends
// it to PID 1, must end both within 10 s and leave no job "running".
// Run by .ci/run: `npx tsx .ci/production-path.ts`.
import { execFileSync, spawn } from "node:child_process";
import { createDb } from "../app/db.server";
import { startTelnyxDouble } from "../app/sandbox/telnyx-double.server";
import { appEnvironment, BENCH_SENDING_NUMBER, createBenchShop } from "../bench/support/app-under-test";
import { freePort } from "../bench/support/processes";
import { waitFor } from "../bench/support/sending";
import { createMigratedDatabase } from "../tests/support/migrate";

const SHOPPER = "+13125550142";
const STOP_WITHIN_MS = 10_000;

function step(what: string) {
  console.log(`production path: ${what}`);
}

function startNpm(script: string[], env: Record<string, string>) {
  // detached: its own process group, so a failed run can take the whole tree down.
  const child = spawn("npm", script, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    output: () => output,
    /** SIGTERM to npm alone; resolves with how long the process took to exit. */
    async terminate() {
      const sent = Date.now();
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_WITHIN_MS + 5_000))]);
      return Date.now() - sent;
    },
    /** The whole group: a server that outlived npm (a signal not passed on) goes too. */
    kill() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
}

step("build");
execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });

step("a fresh PostgreSQL database, migrated with prisma migrate deploy");
const database = await createMigratedDatabase("postgresql", "production_path");
const db = createDb(database.url);
const port = await freePort();
const telnyx = await startTelnyxDouble({ appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx` });
const env = appEnvironment(database.url, telnyx, port);
await createBenchShop(db);

step("web (npm start, TEXTBACK_WORKER=off) and worker (npm run worker) processes");
const web = startNpm(["start"], { ...env, TEXTBACK_WORKER: "off" });
const worker = startNpm(["run", "worker"], env);
let failed = false;
try {
  await waitFor(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), 60_000, "the web process's /healthz", 250);

  step("a signed Telnyx webhook: a shopper texts HELP");
  const { status } = await telnyx.sendInbound({ from: SHOPPER, to: BENCH_SENDING_NUMBER, text: "HELP" });
  if (status !== 200) throw new Error(`The web process answered the webhook with ${status}`);
  await waitFor(() => telnyx.messages({ to: SHOPPER }).length > 0, 30_000, "the worker's answer to reach Telnyx");
  // The answer's delivery receipts reach the web and queue work for the worker: SIGTERM lands mid-flow.
  await telnyx.whenIdle();

  step("SIGTERM to both");
  const [webMs, workerMs] = await Promise.all([web.terminate(), worker.terminate()]);
  if (webMs > STOP_WITHIN_MS || workerMs > STOP_WITHIN_MS) {
    throw new Error(`Not stopped within ${STOP_WITHIN_MS / 1000} s of SIGTERM: web ${webMs} ms, worker ${workerMs} ms`);
  }
  const running = await db.job.findMany({ where: { status: "running" }, select: { kind: true, lockedBy: true } });
  if (running.length > 0) throw new Error(`Jobs left "running" after SIGTERM: ${JSON.stringify(running)}`);
  step(`passed (web stopped in ${webMs} ms, worker in ${workerMs} ms)`);
} catch (error) {
  failed = true;
  console.error(`production path FAILED: ${(error as Error).message}`);
  console.error(`--- web output ---\n${web.output()}\n--- worker output ---\n${worker.output()}`);
} finally {
  web.kill();
  worker.kill();
  await telnyx.close();
  await db.$disconnect();
  await database.drop();
}
process.exit(failed ? 1 : 0);
