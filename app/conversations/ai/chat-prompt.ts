// What the chat model is asked and how its reply is read. The model sees the shopper's text, the
// merchant's enabled entries and the shopper's latest order; it picks one entry (or none) and
// phrases an answer from it. Its reply is JSON, in `content` (response_format json_object); a
// server that ignores response_format and wraps the JSON in prose or a code fence is read too.
import { z } from "zod";

export interface PromptEntry {
  id: string;
  question: string;
  answer: string;
}

/** The shopper's latest order as stored from Shopify's webhooks; values the answer may quote. */
export interface OrderFacts {
  orderName: string;
  fulfilment: string;
  carrier: string | null;
  trackingUrl: string | null;
  /** YYYY-MM-DD in the shop's time zone. */
  deliveredOn: string | null;
}

export interface ChatRequest {
  message: string;
  entries: PromptEntry[];
  order: OrderFacts | null;
}

const INSTRUCTIONS = [
  "You answer a shop's customers by text message, only from the shop's own knowledge base.",
  "The user message is JSON: the customer's text (message), the shop's entries (entries: id, question, answer) and the customer's latest order (order, or null).",
  "Choose the one entry that answers the customer's text. If none does, choose none.",
  "Write the answer from that entry only, in the customer's language, short enough for a text message.",
  "Never state a price, percentage, date, number, link, email address or code that the chosen entry or the order does not state word for word. Do not invent policies.",
  "Use the order only if the question is about it, and say so with usesOrderFacts.",
  'Reply with JSON only: {"entryId": "<id of the chosen entry>" or null, "usesOrderFacts": true or false, "answer": "<the text to send>"}.',
].join("\n");

export function chatMessages(request: ChatRequest) {
  return [
    { role: "system" as const, content: INSTRUCTIONS },
    { role: "user" as const, content: JSON.stringify(request) },
  ];
}

export const ModelChoice = z.object({
  entryId: z.string().min(1).nullable(),
  usesOrderFacts: z.boolean().default(false),
  answer: z.string().trim().default(""),
});
export type ModelChoice = z.output<typeof ModelChoice>;

/** The model's choice, or null when its content holds no such JSON object. */
export function readModelChoice(content: string | null | undefined): ModelChoice | null {
  if (!content) return null;
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end < start) return null;
  try {
    const parsed = ModelChoice.safeParse(JSON.parse(content.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The chat request the double (and any reader) gets back from a user message's content. */
export function readChatRequest(content: string): ChatRequest | null {
  try {
    const value = JSON.parse(content) as Partial<ChatRequest>;
    if (typeof value.message !== "string" || !Array.isArray(value.entries)) return null;
    return { message: value.message, entries: value.entries, order: value.order ?? null };
  } catch {
    return null;
  }
}
