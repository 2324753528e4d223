// One question to the merchant's OpenAI-compatible chat API through the official `openai`
// client, so OpenAI itself or a self-hosted server (Ollama, vLLM) answers alike.
//
// The shopper's text is routed inside the inbound delivery's transaction (15 s), so the call is
// bounded: 5 s an attempt, and one more attempt only after a quick failure (connection refused,
// 429, 5xx), sent at once. The client's own retries are off: it would sleep as long as a
// Retry-After header asks. A timed-out model is not asked twice: it would be slow again.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { chatMessages, type ChatRequest } from "./chat-prompt";

export const CHAT_API_TIMEOUT_MS = 5_000;

export interface ChatApiSettings {
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** The model's reply content (null when it sent none). Throws the client's errors. */
export async function askChatModel(settings: ChatApiSettings, request: ChatRequest): Promise<string | null> {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl,
    timeout: CHAT_API_TIMEOUT_MS,
    maxRetries: 0,
    // Its own logging (OPENAI_LOG=debug) would print the request, shopper's text included, to the
    // console; outcomes are logged by the answerer instead.
    logLevel: "off",
  });
  const ask = () =>
    client.chat.completions.create({
      model: settings.model,
      messages: chatMessages(request),
      response_format: { type: "json_object" },
      temperature: 0,
    });
  let completion;
  try {
    completion = await ask();
  } catch (error) {
    if (!worthOneMoreAttempt(error)) throw error;
    completion = await ask();
  }
  return completion.choices[0]?.message.content ?? null;
}

function worthOneMoreAttempt(error: unknown): boolean {
  if (error instanceof APIConnectionTimeoutError) return false;
  if (error instanceof APIConnectionError) return true;
  return error instanceof APIError && (error.status === 429 || (error.status ?? 0) >= 500);
}

/**
 * Why a call failed, for the logs: a kind and an HTTP status, never the error's message, which
 * can quote the request or part of the key ("Incorrect API key provided: sk-…abcd").
 */
export function chatApiFailure(error: unknown): { reason: string; status?: number } {
  if (error instanceof APIConnectionTimeoutError) return { reason: "timeout" };
  if (error instanceof APIConnectionError) return { reason: "connection" };
  if (error instanceof APIError) return { reason: "refused", ...(error.status !== undefined && { status: error.status }) };
  return { reason: error instanceof Error ? error.name : "unknown" };
}
