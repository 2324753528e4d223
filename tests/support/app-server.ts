// Starts the built app (npm run build) as its own process, the way `npm run sandbox` and
// `npm start` do, on a free port and the test run's database, so tests speak HTTP to it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, inject } from "vitest";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// The two engines' suites start apps at the same time, so a port freePort chose may be taken by
// the other suite's app before ours binds it: only our own app's announcement that it listens
// there says the answers come from it.
async function waitUntilServing(url: string, child: ChildProcess, output: () => string, listening: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output()}`);
    try {
      if (!output().includes(listening)) throw new Error("not listening yet");
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`The app did not start:\n${output()}`);
}

export interface AppServer {
  url: string;
  output(): string;
  /** Every line the process wrote, stdout's then stderr's (output() interleaves them by chunk, which can split a line). */
  lines(): string[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

// Every app this test file started, killed and restarted ones too: the log check reads them all.
const started: AppServer[] = [];
export const appsStarted = (): readonly AppServer[] => started;

export const PRODUCTION_TEST_ENV = {
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-secret",
  SCOPES: "read_orders",
  TEXTBACK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export async function startAppServer(
  mode: "sandbox" | "production",
  env: Record<string, string> = {},
  port?: number,
) {
  port ??= await freePort();
  const entry = mode === "sandbox" ? "app/sandbox/main.ts" : "app/server.ts";
  // node with tsx's loader, as `npx tsx` would run it, without npx's own start-up.
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: inject("databaseUrl"),
      ...(mode === "production"
        ? {
            NODE_ENV: "production",
            ...PRODUCTION_TEST_ENV,
            SHOPIFY_APP_URL: `http://localhost:${port}`,
          }
        : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const streams = { stdout: "", stderr: "" };
  for (const name of ["stdout", "stderr"] as const) {
    child[name]?.on("data", (chunk) => {
      log += chunk;
      streams[name] += chunk;
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, name);
    await exited;
  };
  const app = {
    url,
    output: () => log,
    lines: () => [streams.stdout, streams.stderr].flatMap((text) => text.split("\n").filter((line) => line.length > 0)),
    stop: () => signal("SIGTERM"),
    /** The process group dies at once, mid-work, as in a crash. */
    kill: () => signal("SIGKILL"),
  } satisfies AppServer;
  started.push(app);
  await waitUntilServing(`${url}/healthz`, child, () => log, `Textback on http://localhost:${port}`);
  return app;
}

/**
 * The demo number as a short code (100 texts a second), for files whose subject is not pacing:
 * on the sandbox's default long code each text waits a real second for its send slot.
 */
export const SHORT_CODE_SENDER = { SANDBOX_NUMBER_TYPE: "short_code" };

// One app process for a test file.
export function useAppServer(mode: "sandbox" | "production" = "sandbox", env?: Record<string, string>) {
  const handle = {} as AppServer;
  beforeAll(async () => Object.assign(handle, await startAppServer(mode, env)), 90_000);
  afterAll(() => handle.stop?.());
  return handle;
}
