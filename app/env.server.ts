// Environment, parsed once at start-up. A missing or malformed value stops the server with a
// message naming it. Nothing here reaches the browser.
import { z } from "zod";
import { NUMBER_TYPES } from "./messaging/sending-limits";

const booleanFlag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.string().url(),
  SCOPES: z.string().min(1),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // 32 bytes, base64: encrypts Telnyx API keys at rest.
  TEXTBACK_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes in base64"),
  TELNYX_BASE_URL: z.string().url().optional(),
  // Telnyx's Ed25519 public key (base64) for webhook signatures, from the Mission Control portal.
  TELNYX_PUBLIC_KEY: z.string().optional(),
  TELNYX_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
  TEXTBACK_SANDBOX: booleanFlag,
  // The type of the sandbox demo shop's number, so each Telnyx limit can be seen working.
  SANDBOX_NUMBER_TYPE: z.enum(NUMBER_TYPES).default("long_code"),
  // "inline" runs the job worker inside the web process; "off" leaves it to `npm run worker`.
  TEXTBACK_WORKER: z.enum(["inline", "off"]).default("inline"),
  // Jobs one worker process runs at once (texts waiting on Telnyx's answer, mostly).
  TEXTBACK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(5_000).default(500),
  // GET /metrics answers only localhost unless this bearer token is set.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // A `npm run worker` process serves its own /metrics on this port (the web process's own port otherwise).
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // Succeeded and cancelled jobs are deleted after this many days; failed ones are kept.
  TEXTBACK_JOB_RETENTION_DAYS: z.coerce.number().min(0.001).max(3_650).default(7),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const env = result.data;
  if (env.TEXTBACK_SANDBOX) assertSandboxIsLocal(env);
  return env;
}

// The sandbox mints admin sessions for anyone who asks: it must never face the internet.
function assertSandboxIsLocal(env: Env) {
  if (env.NODE_ENV === "production") {
    throw new Error("The sandbox refuses to start with NODE_ENV=production.");
  }
  const host = new URL(env.SHOPIFY_APP_URL).hostname;
  if (!["localhost", "127.0.0.1", "[::1]"].includes(host)) {
    throw new Error(`The sandbox only runs on localhost (SHOPIFY_APP_URL is ${env.SHOPIFY_APP_URL}).`);
  }
}
