import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError, readJsonBody, requireSandbox } from "~/sandbox/control.server";

const Script = z.union([
  z.object({ answer: z.string().max(1600), entryId: z.string().nullable().optional(), usesOrderFacts: z.boolean().optional() }).strict(),
  z.object({ content: z.string().max(10_000) }).strict(),
  z.object({ status: z.number().int().min(400).max(599) }).strict(),
]);
const ScriptNext = z.object({ next: z.array(Script).min(1).max(20) }).strict();

// The chat API double: its base URL and every chat request it answered, oldest first.
export const loader = () => {
  const { chatApi } = requireSandbox();
  return Response.json({ baseUrl: chatApi.apiBaseUrl, requests: chatApi.requests() });
};

// {"next": [{"answer": "It's $19.99"}]}: the double's next replies, one a request, instead of its own choice.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { chatApi } = requireSandbox();
  if (request.method !== "POST") return jsonError(405, "POST a JSON body");
  const { next } = await readJsonBody(request, ScriptNext);
  chatApi.scriptNext(...next);
  return Response.json({ scripted: next.length });
};
