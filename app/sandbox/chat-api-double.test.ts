import OpenAI, { AuthenticationError } from "openai";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { askChatModel } from "~/conversations/ai/chat-api.server";
import { readModelChoice, type ChatRequest } from "~/conversations/ai/chat-prompt";
import { DEFAULT_CHAT_API_DOUBLE_KEY, startChatApiDouble } from "./chat-api-double.server";

const double = await startChatApiDouble();
afterAll(() => double.close());
beforeEach(() => double.reset());

const request: ChatRequest = {
  message: "do you do gift wrapping?",
  entries: [
    { id: "ship", question: "How long does shipping take?", answer: "Orders ship within 1 business day." },
    { id: "wrap", question: "Do you offer gift wrap?", answer: "Yes: gift wrap is $4 at checkout." },
  ],
  order: null,
};
const settings = { baseUrl: double.apiBaseUrl, model: "gpt-4o-mini", apiKey: DEFAULT_CHAT_API_DOUBLE_KEY };
const post = (body: unknown, key = DEFAULT_CHAT_API_DOUBLE_KEY) =>
  fetch(`${double.apiBaseUrl}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("chat API double", () => {
  it("answers through the official client with the entry that best fits the text, word for word", async () => {
    const content = await askChatModel(settings, request);
    expect(readModelChoice(content)).toEqual({ entryId: "wrap", usesOrderFacts: false, answer: "Yes: gift wrap is $4 at checkout." });
    expect(double.requests()).toMatchObject([{ model: "gpt-4o-mini", message: request.message, entryIds: ["ship", "wrap"], orderName: null, status: 200 }]);
  });

  it("chooses no entry when no question shares a word with the text", async () => {
    const content = await askChatModel(settings, { ...request, message: "hello there" });
    expect(readModelChoice(content)).toEqual({ entryId: null, usesOrderFacts: false, answer: "" });
  });

  it("answers with a scripted reply once, then plays the model again", async () => {
    double.scriptNext({ answer: "It's $19.99" }, { content: 'Sure! ```json\n{"entryId": "ship", "answer": "Soon."}\n```' });
    expect(readModelChoice(await askChatModel(settings, request))).toEqual({ entryId: "wrap", usesOrderFacts: false, answer: "It's $19.99" });
    expect(readModelChoice(await askChatModel(settings, request))).toEqual({ entryId: "ship", usesOrderFacts: false, answer: "Soon." });
    expect(readModelChoice(await askChatModel(settings, request))?.answer).toBe("Yes: gift wrap is $4 at checkout.");
  });

  it("refuses a wrong or missing key with 401 in OpenAI's error shape, and the client is not retried", async () => {
    await expect(askChatModel({ ...settings, apiKey: "sk-wrong" }, request)).rejects.toBeInstanceOf(AuthenticationError);
    const missing = await fetch(`${double.apiBaseUrl}/models`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringMatching(/didn't provide an API key/) });
    expect(double.requests()).toEqual([]);
  });

  it("refuses a request without a model or messages, and an unknown model, as OpenAI does", async () => {
    const noModel = await post({ messages: [{ role: "user", content: "hi" }] });
    expect(noModel.status).toBe(400);
    expect((await noModel.json()).error).toEqual({ message: "you must provide a model parameter", type: "invalid_request_error", param: null, code: null });
    const noMessages = await post({ model: "gpt-4o-mini" });
    expect(noMessages.status).toBe(400);
    expect((await noMessages.json()).error).toMatchObject({ param: "messages", code: "missing_required_parameter" });
    const unknownModel = await post({ model: "gpt-9", messages: [{ role: "user", content: "hi" }] });
    expect(unknownModel.status).toBe(404);
    expect((await unknownModel.json()).error.code).toBe("model_not_found");
    const noJsonWord = await post({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_object" } });
    expect(noJsonWord.status).toBe(400);
  });

  it("lists its models", async () => {
    const client = new OpenAI({ apiKey: DEFAULT_CHAT_API_DOUBLE_KEY, baseURL: double.apiBaseUrl });
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain("gpt-4o-mini");
  });

  it("a server error is asked once more, at once; a second failure is the answer", async () => {
    double.scriptNext({ status: 500 });
    expect(readModelChoice(await askChatModel(settings, request))?.entryId).toBe("wrap");
    double.scriptNext({ status: 503 }, { status: 503 });
    await expect(askChatModel(settings, request)).rejects.toMatchObject({ status: 503 });
    expect(double.requests().map((r) => r.status)).toEqual([500, 200, 503, 503]);
  });
});
