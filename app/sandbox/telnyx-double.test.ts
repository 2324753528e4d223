import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import Telnyx, {
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
  TelnyxError,
  UnprocessableEntityError,
} from "telnyx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTelnyxDouble, type TelnyxDouble } from "./telnyx-double.server";

// The published Telnyx payloads (see /work/shared/fixtures/SOURCES.md).
const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/telnyx/", import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(FIXTURES + name, "utf8"));

/** Every key path in a JSON value ("data.payload.to[].status"), to compare shapes, not values. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => keyPaths(item, `${prefix}[]`)))].sort();
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value)
    .flatMap(([key, child]) => [`${prefix}.${key}`, ...keyPaths(child, `${prefix}.${key}`)])
    .sort();
}

interface Received {
  rawBody: string;
  headers: Record<string, string>;
}

/** A stand-in for the app's webhook route: records raw bodies and headers, answers 200 (or `answers` first). */
async function startReceiver(answers: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ rawBody: Buffer.concat(chunks).toString("utf8"), headers: flatHeaders(req.headers) });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/telnyx`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value ?? ""]),
  );
}

const SHOP_NUMBER = "+13125550001";
const SHOPPER = "+13125550002";

let double: TelnyxDouble;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let client: Telnyx;

beforeEach(async () => {
  receiver = await startReceiver();
  double = await startTelnyxDouble({ apiKeys: ["KEY_GOOD"], appWebhookUrl: receiver.url });
  client = new Telnyx({ apiKey: "KEY_GOOD", baseURL: double.apiBaseUrl, maxRetries: 0 });
});

afterEach(async () => {
  await double.close();
  await receiver.close();
});

describe("sending through the real telnyx SDK", () => {
  it("accepts a message, answers with its id and parts, and records it", async () => {
    const response = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "Hello there!" });

    expect(response.data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.data).toMatchObject({ parts: 1, encoding: "GSM-7", type: "SMS", direction: "outbound" });
    expect(response.data?.to?.[0]).toMatchObject({ phone_number: SHOPPER, status: "queued" });
    expect(double.messages()).toEqual([
      expect.objectContaining({ id: response.data?.id, from: SHOP_NUMBER, to: SHOPPER, text: "Hello there!", parts: 1 }),
    ]);
  });

  it("answers with every field of Telnyx's OutboundMessagePayload", async () => {
    const response = await client.messages.send({
      from: SHOP_NUMBER,
      to: SHOPPER,
      text: "Your order shipped",
      type: "MMS",
      subject: "Order #1001",
      media_urls: ["https://example.com/label.png"],
      webhook_url: receiver.url,
      webhook_failover_url: receiver.url,
    });

    const published = keyPaths({ data: fixture("openapi/OutboundMessagePayload.example.json") });
    expect(published.filter((path) => !keyPaths(response).includes(path))).toEqual([]);
    expect(response.data).toMatchObject({ type: "MMS", parts: 1, subject: "Order #1001", media: [{ url: "https://example.com/label.png" }] });
  });

  it("sends status webhooks to the profile's URL when the message names none", async () => {
    const { data } = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" });
    await double.whenIdle();
    expect(double.webhookDeliveries().map((d) => [d.eventType, d.messageId, d.url, d.status])).toEqual([
      ["message.sent", data?.id, receiver.url, 200],
      ["message.finalized", data?.id, receiver.url, 200],
    ]);
  });

  it("counts segments like carriers: GSM-7 160/153, UCS-2 70/67", async () => {
    const cases: [string, number, string][] = [
      ["a".repeat(160), 1, "GSM-7"],
      ["a".repeat(161), 2, "GSM-7"],
      ["a".repeat(307), 3, "GSM-7"],
      ["你".repeat(70), 1, "UCS-2"],
      ["你".repeat(71), 2, "UCS-2"],
      ["你".repeat(135), 3, "UCS-2"],
    ];
    for (const [text, parts, encoding] of cases) {
      const { data } = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text });
      expect({ length: text.length, parts: data?.parts, encoding: data?.encoding }).toEqual({ length: text.length, parts, encoding });
    }
  });

  it("stamps records with the injected clock", async () => {
    const at = new Date("2030-06-01T15:00:00.000Z");
    const clocked = await startTelnyxDouble({ apiKeys: ["KEY_GOOD"], now: () => at, deliveryWebhooks: false });
    const clockedClient = new Telnyx({ apiKey: "KEY_GOOD", baseURL: clocked.apiBaseUrl, maxRetries: 0 });
    try {
      const { data } = await clockedClient.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" });
      expect(data?.received_at).toBe("2030-06-01T15:00:00.000+00:00");
      expect(clocked.messages()[0].at).toEqual(at);
    } finally {
      await clocked.close();
    }
  });

  it("with a response delay, records a send on arrival and answers it only after the delay", async () => {
    const delayMs = 400;
    const slow = await startTelnyxDouble({ apiKeys: ["KEY_GOOD"], deliveryWebhooks: false, responseDelayMs: delayMs });
    const slowClient = new Telnyx({ apiKey: "KEY_GOOD", baseURL: slow.apiBaseUrl, maxRetries: 0 });
    try {
      const started = performance.now();
      let answered = false;
      const sending = slowClient.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).finally(() => (answered = true));
      while (slow.sendAttempts().length === 0) await new Promise((r) => setTimeout(r, 5));
      expect(answered).toBe(false);
      const { data } = await sending;
      expect(data?.id).toBe(slow.messages()[0].id);
      expect(slow.messages()[0].at.getTime()).toBeLessThan(Date.now() - delayMs / 2);
      expect(performance.now() - started).toBeGreaterThan(delayMs / 2);
    } finally {
      await slow.close();
    }
  });

  it("refuses an unknown API key as an AuthenticationError with Telnyx's error body", async () => {
    const stranger = new Telnyx({ apiKey: "KEY_WRONG", baseURL: double.apiBaseUrl, maxRetries: 0 });

    const error = await stranger.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).error).toMatchObject({ errors: [{ code: "10009", title: "Authentication failed" }] });
    expect(double.messages()).toHaveLength(0);
  });

  it("refuses a recipient that is not E.164 with a 422 pointing at /to", async () => {
    const error = await client.messages.send({ from: SHOP_NUMBER, to: "312-555-0002", text: "hi" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).error).toEqual({
      errors: [expect.objectContaining({ code: "10016", source: { pointer: "/to" } })],
    });
  });

  it("refuses an empty SMS body", async () => {
    const error = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "" }).catch((e: unknown) => e);
    expect((error as UnprocessableEntityError).error).toEqual({
      errors: [expect.objectContaining({ code: "10004", source: { pointer: "/text" } })],
    });
  });

  it("retrieves a message by id", async () => {
    const { data } = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "where is it" });
    const retrieved = await client.messages.retrieve(data?.id ?? "");
    expect(retrieved.data).toMatchObject({ id: data?.id, text: "where is it" });
  });
});

describe("injected faults", () => {
  it("a 429 with retry-after surfaces as the SDK's RateLimitError, then sends recover", async () => {
    double.failNextSends(1, { kind: "rate_limited", retryAfterSeconds: 7 });

    const error = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get("retry-after")).toBe("7");
    expect((error as RateLimitError).error).toMatchObject({ errors: [{ code: "10011" }] });
    await expect(client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" })).resolves.toBeDefined();
    expect(double.sendAttempts().map((a) => a.status)).toEqual([429, 200]);
  });

  it("a full queue answers 429 with Telnyx's 40318", async () => {
    double.failNextSends(1, { kind: "queue_full" });
    const error = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).catch((e: unknown) => e);
    expect((error as RateLimitError).error).toMatchObject({ errors: [{ code: "40318", title: "Message queue full" }] });
  });

  it("a server error is the SDK's InternalServerError and nothing is recorded", async () => {
    double.failNextSends(1, { kind: "server_error" });
    const error = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(double.messages()).toHaveLength(0);
  });

  it("a hung request ends in the SDK's timeout error", async () => {
    double.failNextSends(1, { kind: "hang" });
    const impatient = new Telnyx({ apiKey: "KEY_GOOD", baseURL: double.apiBaseUrl, maxRetries: 0, timeout: 200 });
    const error = await impatient.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("a delivery outcome hook fails delivery, and retrieve shows it", async () => {
    double.setDeliveryOutcome(() => ({ status: "delivery_failed" }));
    const { data } = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "hi", webhook_url: receiver.url });
    await double.whenIdle();

    const finalized = JSON.parse(receiver.received[1].rawBody);
    expect(finalized.data.payload.to[0].status).toBe("delivery_failed");
    expect(finalized.data.payload.errors).toEqual([expect.objectContaining({ code: "40300" })]);
    const retrieved = await client.messages.retrieve(data?.id ?? "");
    expect(retrieved.data?.to).toEqual([expect.objectContaining({ status: "delivery_failed" })]);
  });
});

describe("signed webhooks", () => {
  it("posts message.sent then message.finalized, signed and shaped like Telnyx's published payloads", async () => {
    const { data } = await client.messages.send({ from: SHOP_NUMBER, to: SHOPPER, text: "Hello there!", webhook_url: receiver.url });
    await double.whenIdle();

    const events = await Promise.all(
      receiver.received.map((r) => client.webhooks.unwrap(r.rawBody, { headers: r.headers, key: double.publicKeyBase64 })),
    );
    const bodies = receiver.received.map((r) => JSON.parse(r.rawBody));
    expect(bodies.map((b) => [b.data.event_type, b.data.payload.id, b.data.payload.to[0].status])).toEqual([
      ["message.sent", data?.id, "sent"],
      ["message.finalized", data?.id, "delivered"],
    ]);
    expect(events).toHaveLength(2);
    expect(keyPaths(bodies[0])).toEqual(keyPaths(fixture("message-sent.json")));
    expect(keyPaths(bodies[1])).toEqual(keyPaths(fixture("message-finalized-delivered.json")));
  });

  it("tries a shopper's reply again when the app does not answer 2xx, as Telnyx does, up to three times", async () => {
    const flaky = await startReceiver([503, 500]);
    const failing = await startReceiver([500, 500, 500]);
    const doubles = await Promise.all([flaky, failing].map((r) => startTelnyxDouble({ apiKeys: ["KEY_GOOD"], appWebhookUrl: r.url })));
    try {
      expect((await doubles[0]!.sendInbound({ from: SHOPPER, to: SHOP_NUMBER, text: "hi" })).status).toBe(200);
      expect((await doubles[1]!.sendInbound({ from: SHOPPER, to: SHOP_NUMBER, text: "hi" })).status).toBe(500);
      const eventIds = (r: typeof flaky) => r.received.map((delivery) => JSON.parse(delivery.rawBody).data.id);
      expect(new Set(eventIds(flaky)).size).toBe(1);
      expect(eventIds(flaky)).toHaveLength(3);
      expect(eventIds(failing)).toHaveLength(3);
    } finally {
      await Promise.all([...doubles.map((d) => d.close()), flaky.close(), failing.close()]);
    }
  });

  it("sends a shopper's reply as message.received that the SDK verifies, and rejects a tampered copy", async () => {
    const { status } = await double.sendInbound({ from: SHOPPER, to: SHOP_NUMBER, text: "STOP" });

    expect(status).toBe(200);
    const [{ rawBody, headers }] = receiver.received;
    const event = (await client.webhooks.unwrap(rawBody, { headers, key: double.publicKeyBase64 })) as {
      data: { event_type: string; payload: { text: string; from: { phone_number: string } } };
    };
    expect(event.data).toMatchObject({ event_type: "message.received", payload: { text: "STOP", from: { phone_number: SHOPPER } } });
    expect(keyPaths(JSON.parse(rawBody))).toEqual(keyPaths(fixture("message-received.json")));

    const tampered = rawBody.replace('"STOP"', '"HELLO"');
    await expect(client.webhooks.unwrap(tampered, { headers, key: double.publicKeyBase64 })).rejects.toThrow(TelnyxError);
    await expect(client.webhooks.unwrap(tampered, { headers, key: double.publicKeyBase64 })).rejects.toThrow(/signature/i);
  });

  it("signs with the virtual clock by default, which the SDK's real-time staleness check refuses", async () => {
    const virtual = new Date("2030-01-01T12:00:00.000Z");
    const clocked = await startTelnyxDouble({ now: () => virtual, appWebhookUrl: receiver.url });
    const realTimed = await startTelnyxDouble({ now: () => virtual, signatureClock: () => new Date(), appWebhookUrl: receiver.url });
    try {
      await clocked.sendInbound({ from: SHOPPER, to: SHOP_NUMBER, text: "hi" });
      await realTimed.sendInbound({ from: SHOPPER, to: SHOP_NUMBER, text: "hi" });
      const [virtualSigned, realSigned] = receiver.received;

      expect(virtualSigned.headers["telnyx-timestamp"]).toBe(String(virtual.getTime() / 1000));
      expect(JSON.parse(virtualSigned.rawBody).data.occurred_at).toBe("2030-01-01T12:00:00.000+00:00");
      await expect(
        client.webhooks.unwrap(virtualSigned.rawBody, { headers: virtualSigned.headers, key: clocked.publicKeyBase64 }),
      ).rejects.toThrow(/too old or too new/);
      await expect(
        client.webhooks.unwrap(realSigned.rawBody, { headers: realSigned.headers, key: realTimed.publicKeyBase64 }),
      ).resolves.toBeDefined();
    } finally {
      await clocked.close();
      await realTimed.close();
    }
  });
});
