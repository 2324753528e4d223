import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readChatRequest, type ChatRequest, type PromptEntry } from "~/conversations/ai/chat-prompt";
import { logger } from "../logger.server";

/**
 * A local stand-in for an OpenAI-compatible chat API (`POST /v1/chat/completions`,
 * `GET /v1/models`): the official `openai` client talks to it over HTTP with `baseURL` set to
 * `apiBaseUrl`. It refuses what OpenAI refuses (no or a wrong key: 401; no model or messages,
 * a body that is not JSON, json_object without the word "json": 400; an unknown model: 404),
 * in OpenAI's `{ error: { message, type, param, code } }` shape, and plays the model
 * deterministically: it answers with the entry whose question shares the most words with the
 * shopper's text, its answer word for word, or with no entry when none shares a word. A test
 * scripts its next replies instead with `scriptNext`.
 */

export const DEFAULT_CHAT_API_DOUBLE_KEY = "sk-textback-sandbox";
export const CHAT_API_DOUBLE_MODELS = ["gpt-4o-mini", "gpt-4o", "llama3.1"];

/** What the double answers to one chat request instead of its own choice. */
export type ChatApiScript =
  /** The model's choice: `entryId` is the double's own pick when left out. */
  | { answer: string; entryId?: string | null; usesOrderFacts?: boolean }
  /** The message content as it is, e.g. prose around the JSON. */
  | { content: string }
  /** An error answer, as OpenAI gives for an overload (500, 503) or a rate limit (429). */
  | { status: number };

export interface ChatApiRequestRecord {
  at: Date;
  model: string | null;
  /** The shopper's text the app sent, read from its prompt; null when the prompt was not the app's. */
  message: string | null;
  entryIds: string[];
  /** The name of the shopper's order the prompt gave as facts, if any. */
  orderName: string | null;
  status: number;
}

export interface ChatApiDoubleOptions {
  host?: string;
  port?: number;
  apiKeys?: string[];
  models?: string[];
  now?: () => Date;
}

type OpenAiError = { status: number; message: string; type: string; param: string | null; code: string | null };

const invalid = (status: number, message: string, param: string | null = null, code: string | null = null): OpenAiError => ({
  status, message, type: "invalid_request_error", param, code,
});

export async function startChatApiDouble(options: ChatApiDoubleOptions = {}) {
  const now = options.now ?? (() => new Date());
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_CHAT_API_DOUBLE_KEY]);
  const models = options.models ?? CHAT_API_DOUBLE_MODELS;
  const log = logger.child({ component: "chat-api-double" });
  const requests: ChatApiRequestRecord[] = [];
  let scripts: ChatApiScript[] = [];

  function reply(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }
  const refuse = (res: ServerResponse, { status, ...error }: OpenAiError) => reply(res, status, { error });

  function authorization(req: IncomingMessage): OpenAiError | null {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (!match) {
      return invalid(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
    }
    // OpenAI names the key it refused by its ends; the double names none.
    return apiKeys.has(match[1].trim()) ? null : invalid(401, "Incorrect API key provided.", null, "invalid_api_key");
  }

  function checkCompletionRequest(body: Record<string, unknown>): OpenAiError | null {
    if (typeof body.model !== "string" || !body.model) return invalid(400, "you must provide a model parameter");
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return invalid(400, "Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    if (!models.includes(body.model)) {
      return invalid(404, `The model \`${body.model}\` does not exist or you do not have access to it.`, null, "model_not_found");
    }
    const format = (body.response_format as { type?: unknown } | undefined)?.type;
    if (format === "json_object" && !JSON.stringify(body.messages).toLowerCase().includes("json")) {
      return invalid(400, "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", "messages");
    }
    return null;
  }

  function complete(res: ServerResponse, body: Record<string, unknown>) {
    const messages = body.messages as { role?: string; content?: unknown }[];
    const userContent = messages.filter((m) => m.role === "user").at(-1)?.content;
    const request = typeof userContent === "string" ? readChatRequest(userContent) : null;
    const record = (status: number) =>
      requests.push({
        at: now(),
        model: String(body.model),
        message: request?.message ?? null,
        entryIds: request?.entries.map((e) => e.id) ?? [],
        orderName: request?.order?.orderName ?? null,
        status,
      });
    const script = scripts.shift();
    if (script && "status" in script) {
      record(script.status);
      return reply(res, script.status, { error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } });
    }
    record(200);
    const content = script && "content" in script ? script.content : JSON.stringify(modelChoice(request, script));
    reply(res, 200, {
      id: `chatcmpl-${randomUUID()}`,
      object: "chat.completion",
      created: Math.floor(now().getTime() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? "/", "http://chat-api-double").pathname.replace(/\/+$/, "");
    const refused = authorization(req);
    if (refused) return refuse(res, refused);
    if (req.method === "GET" && path === "/v1/models") {
      return reply(res, 200, { object: "list", data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "textback-sandbox" })) });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") return refuse(res, invalid(404, `Invalid URL (${req.method} ${path})`));
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return refuse(res, invalid(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)"));
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return refuse(res, invalid(400, "The body of your request must be a JSON object."));
    const problem = checkCompletionRequest(body as Record<string, unknown>);
    if (problem) return refuse(res, problem);
    complete(res, body as Record<string, unknown>);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, "request failed");
      if (!res.headersSent) reply(res, 500, { error: { message: "The server had an error.", type: "server_error", param: null, code: null } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    /** The client's `baseURL`. */
    apiBaseUrl: `http://${address}:${port}/v1`,
    apiKeys: [...apiKeys],
    /** Every chat request that passed authentication and validation, oldest first. */
    requests: (): ChatApiRequestRecord[] => requests.map((r) => ({ ...r, entryIds: [...r.entryIds] })),
    /** The next chat requests get these answers, one each, in order. */
    scriptNext(...next: ChatApiScript[]) {
      scripts.push(...next);
    },
    reset() {
      requests.length = 0;
      scripts = [];
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ChatApiDouble = Awaited<ReturnType<typeof startChatApiDouble>>;

function modelChoice(request: ChatRequest | null, script?: { answer: string; entryId?: string | null; usesOrderFacts?: boolean }) {
  const entry = request ? bestEntry(request.message, request.entries) : null;
  if (script) return { entryId: script.entryId === undefined ? (entry?.id ?? null) : script.entryId, usesOrderFacts: script.usesOrderFacts ?? false, answer: script.answer };
  return { entryId: entry?.id ?? null, usesOrderFacts: false, answer: entry?.answer ?? "" };
}

const STOP_WORDS = new Set(["the", "and", "you", "your", "for", "are", "can", "does", "did", "what", "how", "with", "have", "this", "that", "from", "will", "any", "our"]);

function words(text: string): Set<string> {
  const all = text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return new Set(all.filter((w) => !STOP_WORDS.has(w)).map((w) => w.replace(/(ing|es|s)$/, "")));
}

/** The entry whose question shares the most words with the text; the first of equals; none for no shared word. */
function bestEntry(text: string, entries: PromptEntry[]): PromptEntry | null {
  const asked = words(text);
  let best: { entry: PromptEntry; shared: number } | null = null;
  for (const entry of entries) {
    const shared = [...words(entry.question)].filter((w) => asked.has(w)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { entry, shared };
  }
  return best?.entry ?? null;
}
