// The production HTTP server: static assets, then every request to the Remix build.
// Run with `npm start` after `npm run build`; the sandbox starts it too.
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { limitWebhookBodies } from "./body-limit";
import { refuseCrossSiteWrites } from "./sandbox/cross-site";
import { logger } from "./logger.server";
import { assignRequestId, requestLogger, webhookLogFields } from "./request-logging.server";

const SHUTDOWN_REQUESTS_MS = 9_000;

interface TextbackBuild extends ServerBuild {
  entry: ServerBuild["entry"] & {
    module: ServerBuild["entry"]["module"] & {
      startRuntime(options: { port: number }): Promise<{ describe(): string[]; stop(): Promise<void> }>;
      handleWebhook: typeof import("./webhooks.server").handleWebhook;
      serveMetrics: typeof import("./runtime.server").serveMetrics;
    };
  };
}

// Webhooks are answered here, ahead of Remix: its routing and request conversion cost more
// per delivery than verifying and recording it (decision 014).
function serveWebhooks(handleWebhook: TextbackBuild["entry"]["module"]["handleWebhook"]): express.RequestHandler {
  return (req, res, next) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", next);
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
      );
      const url = `${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`;
      const rawBody = Buffer.concat(chunks).toString("utf8");
      handleWebhook({ method: req.method, url, headers, rawBody })
        .then(({ status, reason }) => res.status(status).type("text/plain").send(reason ?? ""))
        .catch((error: Error) => {
          // Not recorded, so not acknowledged: Shopify and Telnyx deliver it again.
          requestLogger(res, "webhooks").error({ ...webhookLogFields(req.path, headers, rawBody), err: error }, "webhook delivery could not be recorded");
          res.status(500).type("text/plain").send("The delivery could not be recorded; it will be accepted when retried");
        });
    });
  };
}

export interface ServerOptions {
  port: number;
  /** Production listens on every interface (behind a load balancer); the sandbox on loopback only. */
  host?: string;
  /** The sandbox: it mints admin sessions, so cross-site writes are refused. */
  sandbox?: boolean;
}

export async function startServer({ port, host = "0.0.0.0", sandbox = false }: ServerOptions) {
  const buildDir = resolve(process.cwd(), "build");
  const build = (await import(pathToFileURL(resolve(buildDir, "server/index.js")).href)) as TextbackBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(assignRequestId);
  let draining = false;
  app.use((_req, res, next) => {
    if (!draining) return next();
    res.set("Connection", "close").status(503).type("text/plain").send("Shutting down: send it again");
  });
  app.get("/metrics", build.entry.module.serveMetrics);
  // Only the paths the sandbox opens with a minted session: /api is the checkout extension's,
  // cross-origin by design and signed by Shopify's session token.
  if (sandbox) app.use(["/app", "/sandbox"], refuseCrossSiteWrites);
  app.use("/assets", express.static(resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(resolve(buildDir, "client"), { maxAge: "1h" }));
  app.use(limitWebhookBodies);
  app.all("/webhooks/*", serveWebhooks(build.entry.module.handleWebhook));
  app.all("*", createRequestHandler({ build }));

  // The runtime (worker, sandbox) is up before the first request can arrive.
  const runtime = await build.entry.module.startRuntime({ port });
  const server = await new Promise<import("node:http").Server>((done, fail) => {
    const listening = app.listen(port, host, () => done(listening));
    listening.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "EADDRINUSE" ? new Error(`Port ${port} is in use: set PORT to another one`) : error),
    );
  });

  // A platform sends SIGTERM and kills 10 s later: new requests are turned away (Shopify and
  // Telnyx deliver a refused webhook again), the ones in flight are answered, and the worker
  // finishes or hands back its jobs, all within that time.
  const shutdown = async () => {
    draining = true;
    const closed = new Promise((done) => server.close(done));
    await Promise.all([Promise.race([closed, sleep(SHUTDOWN_REQUESTS_MS)]), runtime.stop()]);
    server.closeAllConnections();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return { describe: () => [`Textback on http://localhost:${port}`, ...runtime.describe()] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { describe } = await startServer({ port: Number(process.env.PORT || 3000) });
  logger.info({ component: "server" }, describe().join("; "));
}
