// Structured logs: one JSON object a line on stdout, for whatever collects the process's output.
// A line says what happened and to what (request, shop, job, Telnyx message ids), never what a
// shopper wrote: bodies and secrets are redacted by key, every string is passed through
// maskPhoneNumbers, and errors are summarised, not dumped.
import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { maskPhoneNumbers } from "./phone-masking";

export type { Logger };

// The ids a line carries where they are known. Child loggers' bindings skip pino's formatters,
// so these keys are masked by serializers, which apply to bindings too; bind nothing else.
const CONTEXT_KEYS = ["component", "requestId", "shop", "webhookId", "jobId", "jobKind", "workerId", "telnyxMessageId"];

const SECRET_BEARING_KEYS = [
  "body", "text", "payload", "rawBody", "headers", "authorization", "cookie",
  "apiKey", "api_key", "token", "accessToken", "secret", "password",
];
const REDACT_PATHS = SECRET_BEARING_KEYS.flatMap((key) => [key, `*.${key}`]);
const ERROR_MAX_CHARS = 300;
const STACK_FRAMES = 8;

/** An error as one masked line, short enough to read: "TypeError: …". */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${errorMessage(error)}` : String(error);
  const line = maskPhoneNumbers(text.replace(/\s+/g, " ").trim());
  return line.length > ERROR_MAX_CHARS ? `${line.slice(0, ERROR_MAX_CHARS - 1)}…` : line;
}

function errorMessage(error: Error): string {
  // Prisma quotes the failing call with its arguments (phones, bodies) above the reason, which
  // is its last line.
  if (error.name.startsWith("PrismaClient")) return error.message.trim().split("\n").at(-1) ?? "";
  return error.message;
}

// The frames only: the stack's first line repeats the unmasked message.
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: errorSummary(error) };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, STACK_FRAMES);
  return { type: error.name, message: errorSummary(error), ...(code !== undefined && { code: String(code) }), stack: frames.map((f) => f.trim()) };
}

function maskStrings(value: unknown): unknown {
  if (typeof value === "string") return maskPhoneNumbers(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  // Errors and other instances are left to their serializers.
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskStrings(inner)]));
  }
  return value;
}

export interface CreateLoggerOptions {
  level?: string;
  /** Where the lines go; stdout when not given. */
  destination?: DestinationStream;
  /** Human-readable lines through pino-pretty, when it is installed (not in the production image). */
  pretty?: boolean;
}

export function createLogger({ level = "info", destination, pretty = false }: CreateLoggerOptions = {}): Logger {
  if (level !== "silent" && !(level in pino.levels.values)) {
    throw new Error(`LOG_LEVEL must be one of ${[...Object.keys(pino.levels.values), "silent"].join(", ")} (it is "${level}")`);
  }
  const options: LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError, ...Object.fromEntries(CONTEXT_KEYS.map((key) => [key, maskStrings])) },
    formatters: { log: (object) => maskStrings(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? maskPhoneNumbers(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  const stream = destination ?? (pretty ? prettyStream() : undefined);
  return stream ? pino(options, stream) : pino(options);
}

// A stream in this thread, not a worker-thread transport: the bundled server build could not
// resolve a transport's worker file, and a crash would lose the lines still in the worker.
function prettyStream(): DestinationStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
    return pretty({ sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,component", messageFormat: "{if component}{component}: {end}{msg}" });
  } catch {
    return undefined;
  }
}

const sandbox = ["1", "true"].includes(process.env.TEXTBACK_SANDBOX ?? "");

/**
 * The process's root logger. Pretty only for a person watching the sandbox in a terminal: piped
 * output (a test harness, a log collector) stays JSON.
 */
export const logger = createLogger({ level: process.env.LOG_LEVEL || "info", pretty: sandbox && process.stdout.isTTY === true });

const SHOPIFY_LEVELS = ["error", "warn", "info", "debug"] as const;
const shopifyLog = logger.child({ component: "shopify" });

/** Shopify's libraries' `logger.log`: their lines as ours, without their "[shopify-app/INFO]" prefix. */
export function logShopifyLibrary(severity: number, message: string) {
  shopifyLog[SHOPIFY_LEVELS[severity] ?? "info"](message.replace(/^(\[[^\]]*\] )+/, ""));
}
