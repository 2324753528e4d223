// Shops with Telnyx credentials, queued outbound messages, the Telnyx double and a stand-in
// for the app's webhook route, for tests of sending and delivery receipts.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "~/db.server";
import { encryptSecret } from "~/messaging/secrets.server";
import type { TelnyxEvent } from "~/messaging/telnyx-webhooks.server";

export const TEST_TELNYX_API_KEY = "KEY_OUTBOUND_TESTS";
export const TEST_ENCRYPTION_KEY = randomBytes(32).toString("base64");

/** A random US number (E.164), so tests sharing one database never share a sender or recipient. */
export function freshNumber(): string {
  const [areaLead, ...rest] = Array.from(randomBytes(10), (byte) => byte % 10);
  return `+1${2 + (areaLead % 8)}${rest.join("")}`;
}

export async function createSendingShop(db: Db, overrides: { sendingNumber?: string | null; apiKey?: string | null } = {}) {
  const apiKey = overrides.apiKey === undefined ? TEST_TELNYX_API_KEY : overrides.apiKey;
  return db.shop.create({
    data: {
      domain: `outbound-${randomUUID()}.myshopify.com`,
      name: "Outbound test shop",
      telnyxApiKeyEncrypted: apiKey === null ? null : encryptSecret(apiKey, TEST_ENCRYPTION_KEY),
      telnyxMessagingProfileId: randomUUID(),
      sendingNumber: overrides.sendingNumber === undefined ? freshNumber() : overrides.sendingNumber,
      costPerSegment: "0.004",
    },
  });
}

/** The sender gate's secrets for messages made here. */
export const TEST_GATE_SECRETS = { suppressionHashKey: randomBytes(32).toString("base64") };

/**
 * A reply waiting to leave, to a shopper who texted the shop a minute before it was asked for:
 * the sender gate lets it through at any hour within the next day.
 */
export async function createQueuedMessage(
  db: Db,
  shop: { id: string; sendingNumber: string | null },
  fields: { to?: string; body?: string; status?: string; occurredAt?: Date } = {},
) {
  const to = fields.to ?? freshNumber();
  const occurredAt = fields.occurredAt ?? new Date("2026-03-02T15:00:00Z");
  const contact = await db.contact.upsert({
    where: { shopId_phone: { shopId: shop.id, phone: to } },
    create: { shopId: shop.id, phone: to },
    update: {},
  });
  const common = { shopId: shop.id, contactId: contact.id };
  await db.message.create({
    data: {
      ...common,
      direction: "inbound",
      body: "Has my order shipped?",
      fromNumber: to,
      toNumber: shop.sendingNumber ?? "",
      status: "received",
      occurredAt: new Date(occurredAt.getTime() - 60_000),
    },
  });
  return db.message.create({
    data: {
      ...common,
      direction: "outbound",
      purpose: "conversational",
      body: fields.body ?? "Your order has shipped!",
      fromNumber: shop.sendingNumber ?? "",
      toNumber: to,
      status: fields.status ?? "queued",
      occurredAt,
    },
  });
}

export interface ReceivedStatusWebhook {
  event: TelnyxEvent;
  /** The `?message=` of the URL Telnyx posted to. */
  hint: string | null;
}

/** Answers 200 to every POST and keeps the parsed events, as the app's route would record them. */
export async function startWebhookReceiver() {
  const received: ReceivedStatusWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const hint = new URL(req.url ?? "/", "http://receiver").searchParams.get("message");
      received.push({ event: JSON.parse(Buffer.concat(chunks).toString("utf8")) as TelnyxEvent, hint });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appUrl: `http://127.0.0.1:${port}`,
    received,
    /** The received events about one Telnyx message, in arrival order. */
    eventsFor: (providerMessageId: string) =>
      received.filter((r) => (r.event.data.payload as { id?: string } | undefined)?.id === providerMessageId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A one-route stand-in for Telnyx answering every send with a fixed status and body. */
export async function startFixedAnswerApi(status: number, body: unknown) {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/v2`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
