import { beforeEach, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { createTelnyxSigner, telnyxFixture } from "./support/telnyx-signing";
import { contactWithConsent, createShop } from "./support/factories";
import { uniquePhone } from "./support/sandbox-client";
import { waitUntilIngested } from "./support/ingestion";
import { systemClock } from "~/clock.server";

const signer = createTelnyxSigner();
const app = useAppServer("sandbox", { TELNYX_PUBLIC_KEY: signer.publicKeyBase64 });
const { db } = useTestDatabase();

const received = telnyxFixture("message-received");
const eventId = JSON.parse(received).data.id as string;

function post(body: string, headers: Record<string, string>) {
  return fetch(`${app.url}/webhooks/telnyx`, { method: "POST", headers, body });
}

describe("Telnyx webhooks", () => {
  beforeEach(() => db.webhookEvent.deleteMany({ where: { source: "telnyx" } }));

  it("records a signed message.received once, and a replay of it changes nothing", async () => {
    const headers = signer.headersFor(received);
    expect((await post(received, headers)).status).toBe(200);
    expect((await post(received, headers)).status).toBe(200);
    const stored = await db.webhookEvent.findMany({ where: { source: "telnyx", externalId: eventId } });
    expect(stored).toHaveLength(1);
    expect(stored[0].topic).toBe("message.received");
  });

  it("records each fixture event type under its own id", async () => {
    for (const name of ["message-sent", "message-finalized-delivered"]) {
      const body = telnyxFixture(name);
      expect((await post(body, signer.headersFor(body))).status).toBe(200);
    }
    const topics = (await db.webhookEvent.findMany({ where: { source: "telnyx" } })).map((e) => e.topic);
    expect(topics.sort()).toEqual(["message.finalized", "message.sent"]);
  });

  it("refuses a signature from another key with 401 and stores nothing", async () => {
    const stranger = createTelnyxSigner();
    const response = await post(received, stranger.headersFor(received));
    expect(response.status).toBe(401);
    expect(await db.webhookEvent.count({ where: { source: "telnyx" } })).toBe(0);
  });

  it("refuses a signed body that was altered with 401", async () => {
    const headers = signer.headersFor(received);
    const response = await post(received.replace("Hello from Telnyx!", "STOP"), headers);
    expect(response.status).toBe(401);
  });

  it("refuses a delivery signed more than five minutes ago with 401", async () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const response = await post(received, signer.headersFor(received, sixMinutesAgo));
    expect(response.status).toBe(401);
  });

  it("refuses a delivery without signature headers with 401", async () => {
    const response = await post(received, { "Content-Type": "application/json" });
    expect(response.status).toBe(401);
  });

  it("answers 400 to a signed body that is not JSON or not an event", async () => {
    for (const body of ["{oops", JSON.stringify({ data: { payload: {} } })]) {
      const response = await post(body, signer.headersFor(body));
      expect(response.status).toBe(400);
    }
    expect(await db.webhookEvent.count({ where: { source: "telnyx" } })).toBe(0);
  });

  it("records STOPs arriving together in the ledger before answering, each once however often it is delivered", async () => {
    const ctx = { db, clock: systemClock };
    const shop = await createShop(ctx);
    // Not 646 or 917: the fault suite counts every text to its area codes in the shared database.
    const phones = Array.from({ length: 20 }, () => uniquePhone("347"));
    for (const phone of phones) await contactWithConsent(ctx, shop.id, phone);
    const stops = phones.map((phone) => {
      const event = JSON.parse(received);
      event.data.id = crypto.randomUUID();
      event.data.payload = { ...event.data.payload, id: crypto.randomUUID(), text: "Stop", from: { ...event.data.payload.from, phone_number: phone } };
      event.data.payload.to = [{ ...event.data.payload.to[0], phone_number: shop.sendingNumber }];
      return { id: event.data.id as string, body: JSON.stringify(event) };
    });
    const answers = await Promise.all([...stops, ...stops].map(({ body }) => post(body, signer.headersFor(body))));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));

    const revocations = () => db.consentEvent.groupBy({ by: ["phone"], where: { shopId: shop.id, granted: false, source: "keyword" }, _count: true });
    const contacts = await db.contact.findMany({ where: { shopId: shop.id } });
    expect(contacts.every((c) => c.optedOutAt !== null && !c.marketingConsent && !c.transactionalConsent)).toBe(true);
    expect((await revocations()).map((r) => r._count)).toEqual(Array(20).fill(1));

    // The ingest jobs store each STOP in its thread and do not record it a second time.
    for (const { id } of stops) await waitUntilIngested(app.url, "telnyx", id);
    expect((await revocations()).map((r) => r._count)).toEqual(Array(20).fill(1));
    expect(await db.message.count({ where: { shopId: shop.id, direction: "inbound" } })).toBe(20);
  });

  it("a receipt saying Telnyx blocked the number after a STOP opts the shopper out", async () => {
    const ctx = { db, clock: systemClock };
    const shop = await createShop(ctx);
    const phone = uniquePhone();
    const contact = await contactWithConsent(ctx, shop.id, phone);
    const providerMessageId = crypto.randomUUID();
    await db.message.create({
      data: {
        shopId: shop.id, contactId: contact.id, direction: "outbound", purpose: "marketing", body: "Sale",
        fromNumber: shop.sendingNumber!, toNumber: phone, status: "sending", providerMessageId, occurredAt: new Date(),
      },
    });
    const receipt = JSON.parse(telnyxFixture("message-finalized-delivered"));
    receipt.data.id = crypto.randomUUID();
    receipt.data.payload.id = providerMessageId;
    receipt.data.payload.to[0] = { ...receipt.data.payload.to[0], phone_number: phone, status: "delivery_failed" };
    receipt.data.payload.errors = [{ code: "40300", title: "Blocked due to STOP message", detail: "Messages cannot be sent due to an existing block rule." }];
    const body = JSON.stringify(receipt);
    expect((await post(body, signer.headersFor(body))).status).toBe(200);
    await waitUntilIngested(app.url, "telnyx", receipt.data.id);

    expect(await db.message.findFirstOrThrow({ where: { providerMessageId } })).toMatchObject({ status: "failed", errorCode: "40300" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ marketingConsent: false });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).optedOutAt).not.toBeNull();
    expect(await db.consentEvent.count({ where: { contactId: contact.id, source: "carrier", granted: false } })).toBe(1);
  });
});
