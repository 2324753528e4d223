// `npm run dev`, which `shopify app dev` runs through shopify.web.toml: the production server's
// layout (webhooks ahead of Remix, the job worker beside it) with Vite's dev middleware in place
// of the build, so routes and components reload as they are edited (decision 022).
import express from "express";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { limitWebhookBodies } from "./body-limit";
import { logger } from "./logger.server";
import { deployPendingMigrations } from "./sandbox/pending-migrations";

type EntryModule = typeof import("./entry.server");
type DevBuild = ServerBuild & { entry: { module: EntryModule } };

// Local state the defaults below keep, git-ignored; made only when a default is used.
function devState(file: string) {
  mkdirSync(".dev", { recursive: true });
  return `.dev/${file}`;
}

// Generated on first start: the Telnyx keys saved in the dev database stay readable across
// restarts, and no key is ever committed.
function devEncryptionKey() {
  const path = devState("encryption-key");
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
}

const port = Number(process.env.PORT || 3000);
// The shell's values win over .env's, and both over the defaults below.
if (existsSync(".env")) process.loadEnvFile(".env");
// shopify app dev passes the tunnel's address as APP_URL and HOST, not as SHOPIFY_APP_URL.
process.env.SHOPIFY_APP_URL ??= process.env.APP_URL ?? process.env.HOST ?? `http://localhost:${port}`;
process.env.DATABASE_URL ??= `file:./${devState("textback.db")}`;
process.env.TEXTBACK_ENCRYPTION_KEY ??= devEncryptionKey();

await deployPendingMigrations(process.env.DATABASE_URL);

const httpServer = createServer();
const vite = await createViteServer({
  server: {
    middlewareMode: true,
    // Hot reload rides the app's own port, so it passes through the CLI's proxy and tunnel.
    hmr: { server: httpServer },
    allowedHosts: [new URL(process.env.SHOPIFY_APP_URL).hostname],
  },
});
const loadBuild = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<DevBuild>;

async function serveWebhook(req: express.Request, res: express.Response) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(req.headersDistinct).map(([name, values]) => [name, values?.join(", ") ?? ""]));
  const { handleWebhook } = (await loadBuild()).entry.module;
  const { status, reason } = await handleWebhook({
    method: req.method,
    url: new URL(req.originalUrl, process.env.SHOPIFY_APP_URL).href,
    headers,
    rawBody: Buffer.concat(chunks).toString("utf8"),
  });
  res.status(status).type("text/plain").send(reason ?? "");
}

const app = express();
app.disable("x-powered-by");
app.use(vite.middlewares);
app.use(limitWebhookBodies);
app.all("/webhooks/*", (req, res, next) => void serveWebhook(req, res).catch(next));
app.get("/metrics", (req, res, next) => void loadBuild().then(({ entry }) => entry.module.serveMetrics(req, res), next));
app.all("*", createRequestHandler({ build: loadBuild }));
httpServer.on("request", app);

// The worker runs from the modules loaded at start: job code reloads on the next restart.
const runtime = await (await loadBuild()).entry.module.startRuntime({ port });
httpServer.listen(port, () => logger.info({ component: "server" }, [`Textback (dev) on http://localhost:${port}`, ...runtime.describe()].join("; ")));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    httpServer.close();
    await runtime.stop();
    await vite.close();
    process.exit(0);
  });
}
