// shopify.web.toml is how `shopify app dev` runs the app itself. Its dev command is run here the
// way the CLI runs it (split at "&&" and spaces, the CLI's environment, the web's directory), on
// the test run's database, until it serves and then stops.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
// The TOML parser @remix-run/dev already brings (through remark-mdx-frontmatter).
import toml from "toml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "./support/app-server";
import { shopifyFixture, shopifyWebhookHeaders } from "./support/shopify-webhooks";

interface WebConfig {
  roles: string[];
  webhooks_path: string;
  commands: { dev: string };
}

const web = toml.parse(readFileSync("shopify.web.toml", "utf8")) as WebConfig;
const DEV_SECRET = "dev-command-secret";

/** What the CLI sets for a web process with the frontend role (its own PORT is the frontend's). */
function cliEnvironment(port: number, tunnel: string) {
  return {
    SHOPIFY_API_KEY: "dev-command-api-key",
    SHOPIFY_API_SECRET: DEV_SECRET,
    HOST: tunnel,
    APP_URL: tunnel,
    REMIX_DEV_ORIGIN: tunnel,
    SCOPES: "read_orders,read_customers,write_customers,write_discounts,read_fulfillments,read_products,write_app_proxy",
    NODE_ENV: "development" as const,
    APP_ENV: "development",
    BACKEND_PORT: String(port),
    FRONTEND_PORT: String(port),
    PORT: String(port),
    SERVER_PORT: String(port),
  };
}

function runDevCommand(port: number) {
  const [command, ...args] = web.commands.dev.split("&&")[0].trim().split(" ");
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...cliEnvironment(port, `http://localhost:${port}`),
      // What a developer's shell or .env adds: here, the test run's database.
      DATABASE_URL: inject("databaseUrl"),
      TEXTBACK_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The dev command exited (${child.exitCode}):\n${output()}`);
    const response = await fetch(`${url}/healthz`).catch(() => null);
    if (response) return response;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The dev command did not serve /healthz:\n${output()}`);
}

describe("shopify.web.toml", () => {
  it("is one web process in both roles, as the app template's", () => {
    expect(web.roles).toEqual(["frontend", "backend"]);
  });

  describe("its dev command, run as the CLI runs it", () => {
    let port: number;
    let dev: ReturnType<typeof runDevCommand>;
    let health: Response;

    beforeAll(async () => {
      port = await freePort();
      dev = runDevCommand(port);
      health = await waitForHealth(`http://127.0.0.1:${port}`, dev.child, dev.output);
    }, 120_000);
    // The whole group, in case a server outlived the command.
    afterAll(() => {
      try {
        process.kill(-dev.child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    });

    it("serves /healthz", () => {
      expect(health.status).toBe(200);
    });

    it("acknowledges the app/uninstalled delivery the CLI posts to webhooks_path", async () => {
      const body = shopifyFixture("app-uninstalled");
      const headers = shopifyWebhookHeaders("app/uninstalled", body, { secret: DEV_SECRET, shop: "textback-dev-command.myshopify.com" });
      const response = await fetch(`http://127.0.0.1:${port}${web.webhooks_path}`, { method: "POST", headers, body });
      expect(response.status).toBe(200);
    });

    // The CLI stops a web process by signalling the command it started (npm), not its children.
    it("stops serving within 10 s of SIGTERM to the command", async () => {
      const exited = new Promise((resolve) => dev.child.once("exit", resolve));
      dev.child.kill("SIGTERM");
      await exited;
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }, 10_000);
  });
});
