// `npm run worker` processes (app/jobs/main.ts) as child processes of the bench: each is the
// app's own worker with the environment's concurrency, its own database connections and, on
// PostgreSQL, its own LISTEN.
import { spawn } from "node:child_process";
import type { TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { appEnvironment } from "./app-under-test";

export interface WorkerProcesses {
  output(): string;
  stop(): Promise<void>;
}

function startOne(env: Record<string, string>) {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "app/jobs/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const ready = new Promise<void>((resolve, reject) => {
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (log.includes("Job worker")) resolve();
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it started:\n${log}`)));
  });
  return {
    ready,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Starts `count` worker processes and resolves once each has said it is running. */
export async function startWorkerProcesses(count: number, databaseUrl: string, telnyx: TelnyxDouble, env: Record<string, string> = {}): Promise<WorkerProcesses> {
  // The web server is not started: port 9 only fills the app URL the environment requires.
  const workers = Array.from({ length: count }, () => startOne({ ...appEnvironment(databaseUrl, telnyx, 9), ...env }));
  await Promise.all(workers.map((w) => w.ready));
  return {
    output: () => workers.map((w) => w.output()).join("\n"),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
