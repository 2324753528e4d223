import { randomUUID } from "node:crypto";
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { receiveInboundText } from "~/conversations/receive-text.server";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { PermanentJobError, type Job } from "~/jobs/queue.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { createShopifyAdminDouble } from "~/sandbox/shopify-admin-double.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop, testMessagingDeps } from "../../tests/support/factories";
import { freshNumber, startFixedAnswerApi } from "../../tests/support/outbound-messages";
import { requestText, SEND_TEXT_JOB } from "~/messaging/outbound.server";
import {
  ingestShopifySmsConsent,
  queueShopifyConsentWriteBack,
  SYNC_SMS_CONSENT_JOB,
  type ShopifyAdminGraphql,
} from "./shopify-sms-consent.server";

const { db } = useTestDatabase();
const START = new Date("2026-03-02T15:00:00.000Z");
let clock: VirtualClock;
let ctx: AppContext;
let shop: { id: string; domain: string; sendingNumber: string | null };
const shopIds: string[] = [];
let phoneCounter = 0;
const nextPhone = () => `+1312555${String(1000 + (phoneCounter++ % 9000)).padStart(4, "0")}`;
let customerCounter = 207119551;
const nextCustomerId = () => String(customerCounter++);

beforeEach(async () => {
  clock = new VirtualClock(START);
  ctx = { db, clock };
  shop = await createShop(ctx, { sendingNumber: freshNumber() });
  shopIds.push(shop.id);
});
afterAll(() => db.shop.deleteMany({ where: { id: { in: shopIds } } }));

/** A customers_marketing_consent/update body as Shopify sends it (raw JSON text). */
function consentWebhook(customerId: string, phone: string | null, state: string, updatedAt: Date | null = clock.now()) {
  return `{"id":${customerId},"phone":${JSON.stringify(phone)},"sms_marketing_consent":{"state":${JSON.stringify(state)},` +
    `"opt_in_level":"single_opt_in","consent_updated_at":${JSON.stringify(updatedAt?.toISOString() ?? null)},"consent_collected_from":"OTHER"}}`;
}
const ingest = (payload: unknown) => ingestShopifySmsConsent(ctx, { shopDomain: shop.domain, payload });
const contactOf = (phone: string) => db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId: shop.id, phone } } });
const ledgerOf = (phone: string) => db.consentEvent.findMany({ where: { shopId: shop.id, phone }, orderBy: { occurredAt: "asc" } });

describe("a customers_marketing_consent/update from Shopify", () => {
  it("a Shopify subscribe records a shopify_sync event and grants marketing texts", async () => {
    const phone = nextPhone();
    const customerId = nextCustomerId();

    const result = await ingest(consentWebhook(customerId, phone, "subscribed"));

    expect(result.outcome).toBe("recorded");
    expect(await contactOf(phone)).toMatchObject({ shopifyCustomerId: customerId, marketingConsent: true, transactionalConsent: true });
    const [event] = await ledgerOf(phone);
    expect(event).toMatchObject({ scope: "marketing", granted: true, source: "shopify_sync", evidence: `shopify customer ${customerId}` });
    expect(event.text).toBe(
      `Shopify customer ${customerId}: SMS marketing subscribed, opt-in level single_opt_in, collected from OTHER, updated ${START.toISOString()}`,
    );
  });

  it("the same state coming back (our own write-back's echo) adds nothing to the ledger", async () => {
    const phone = nextPhone();
    const customerId = nextCustomerId();
    await ingest(consentWebhook(customerId, phone, "subscribed"));
    clock.advanceMinutes(1);

    const echo = await ingest(consentWebhook(customerId, phone, "subscribed"));

    expect(echo).toMatchObject({ outcome: "unchanged", reason: "marketing consent is already granted" });
    expect(await ledgerOf(phone)).toHaveLength(1);
  });

  it("a Shopify unsubscribe stops marketing but keeps order updates", async () => {
    const phone = nextPhone();
    const customerId = nextCustomerId();
    await ingest(consentWebhook(customerId, phone, "subscribed"));
    clock.advanceMinutes(5);

    const result = await ingest(consentWebhook(customerId, phone, "unsubscribed"));

    expect(result.outcome).toBe("recorded");
    expect(await contactOf(phone)).toMatchObject({ marketingConsent: false, transactionalConsent: true, optedOutAt: null });
    expect((await ledgerOf(phone)).map((e) => [e.source, e.granted])).toEqual([["shopify_sync", true], ["shopify_sync", false]]);
  });

  it("a shopper who texted STOP stays opted out after Shopify says subscribed; the change is still on record", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, { shopId: shop.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    clock.advanceMinutes(10);

    const result = await ingest(consentWebhook(nextCustomerId(), phone, "subscribed"));

    expect(result.outcome).toBe("recorded");
    expect(await contactOf(phone)).toMatchObject({ marketingConsent: false, transactionalConsent: false, optedOutAt: START });
    expect((await ledgerOf(phone)).map((e) => e.source)).toEqual(["keyword", "shopify_sync"]);
  });

  it("our UNSUBSCRIBED arriving after the shopper texted START again does not undo the START", async () => {
    const phone = nextPhone();
    const customerId = nextCustomerId();
    await ingest(consentWebhook(customerId, phone, "subscribed"));
    clock.advanceMinutes(1);
    const stoppedAt = clock.now();
    await recordConsentEvent(ctx, { shopId: shop.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    clock.advanceMinutes(1);
    await recordConsentEvent(ctx, { shopId: shop.id, phone, scope: "marketing", granted: true, source: "keyword", text: "START" });

    // The write-back of the STOP, stamped with the STOP's time, reaches us only now.
    const result = await ingest(consentWebhook(customerId, phone, "unsubscribed", stoppedAt));

    expect(result.outcome).toBe("unchanged");
    expect(await contactOf(phone)).toMatchObject({ marketingConsent: true, optedOutAt: null });
    expect(await ledgerOf(phone)).toHaveLength(3);
  });

  it("pending and not_subscribed record nothing, but the Shopify customer is remembered", async () => {
    const phone = nextPhone();
    const customerId = nextCustomerId();

    const pending = await ingest(consentWebhook(customerId, phone, "pending"));
    const notSubscribed = await ingest(consentWebhook(customerId, phone, "not_subscribed"));

    expect([pending.outcome, notSubscribed.outcome]).toEqual(["unchanged", "unchanged"]);
    expect(await contactOf(phone)).toMatchObject({ shopifyCustomerId: customerId, marketingConsent: false });
    expect(await ledgerOf(phone)).toEqual([]);
  });

  it.each([
    ["no phone", null],
    ["an impossible number", "555-625-1199"],
    ["text", "call me"],
  ])("a customer with %s is ignored and creates no contact", async (_, phone) => {
    const customerId = nextCustomerId();

    const result = await ingest(consentWebhook(customerId, phone, "subscribed"));

    expect(result).toEqual({ outcome: "ignored", reason: `Shopify customer ${customerId} has no valid phone number` });
    expect(await db.contact.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("a phone Shopify did not store in E.164 is normalised", async () => {
    const result = await ingest(consentWebhook(nextCustomerId(), "(312) 555-0199", "subscribed"));
    expect(result.outcome).toBe("recorded");
    expect(await contactOf("+13125550199")).toMatchObject({ marketingConsent: true });
  });

  it("keeps every digit of a 64-bit customer id, which JSON.parse would round", async () => {
    const phone = nextPhone();
    await ingest(consentWebhook("706405506930370084", phone, "subscribed"));
    expect((await contactOf(phone)).shopifyCustomerId).toBe("706405506930370084");
  });

  it("a body that is not a consent update, and an unknown shop, are ignored without throwing", async () => {
    expect(await ingest("{not json")).toEqual({ outcome: "ignored", reason: "the body is not JSON" });
    expect(await ingest(`{"phone": 5, "sms_marketing_consent": "yes"}`)).toEqual({
      outcome: "ignored",
      reason: "not a customers_marketing_consent/update body (id, phone, sms_marketing_consent)",
    });
    const elsewhere = await ingestShopifySmsConsent(ctx, { shopDomain: `nobody-${randomUUID()}.myshopify.com`, payload: consentWebhook(nextCustomerId(), nextPhone(), "subscribed") });
    expect(elsewhere.outcome).toBe("ignored");
  });
});

describe("writing consent back to Shopify", () => {
  const double = createShopifyAdminDouble({ now: () => clock.now() });
  const shopify = shopifyApi({
    apiKey: "test-api-key",
    apiSecretKey: "test-api-secret",
    scopes: ["read_customers", "write_customers"],
    hostName: "localhost:3000",
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: true,
    logger: { log: () => {} },
  });
  // What shopify-app-remix's `admin.graphql` does: the library's client, its answer as a Response.
  const adminFor = async (shopDomain: string): Promise<ShopifyAdminGraphql> => {
    const session = new Session({ id: `offline_${shopDomain}`, shop: shopDomain, state: "installed", isOnline: false, accessToken: "shpat_test" });
    const client = new shopify.clients.Graphql({ session });
    return { graphql: async (query, options) => new Response(JSON.stringify(await client.request(query, { variables: options?.variables }))) };
  };
  const deps: MessagingDeps = { ...testMessagingDeps("http://127.0.0.1:9"), shopifyAdmin: adminFor };
  const registry = createAppJobRegistry(deps);
  let uninstall: () => void;

  beforeAll(() => {
    uninstall = double.install();
  });
  afterAll(() => uninstall());
  afterEach(() => double.reset());

  const textFromShopper = (from: string, text: string) =>
    receiveInboundText(ctx, { providerMessageId: randomUUID(), from, to: shop.sendingNumber!, text, mediaUrls: [], telnyxAutoresponse: null, receivedAt: null }, deps);
  const writeBackJobs = () => db.job.findMany({ where: { shopId: shop.id, kind: SYNC_SMS_CONSENT_JOB }, orderBy: { createdAt: "asc" } });
  async function run(job: Job) {
    const definition = registry.definitionFor(job.kind);
    await definition.run(ctx, definition.parsePayload(JSON.parse(job.payload)), job);
  }
  /** A shopper Shopify knows as a customer, subscribed through Shopify. */
  async function knownCustomer() {
    const phone = nextPhone();
    const customerId = nextCustomerId();
    double.seedCustomer({ id: customerId, phone, smsMarketingConsent: { marketingState: "SUBSCRIBED" } });
    await ingest(consentWebhook(customerId, phone, "subscribed"));
    return { phone, customerId, gid: `gid://shopify/Customer/${customerId}` };
  }

  it("STOP from a known customer writes UNSUBSCRIBED to that customer, and its echo is not recorded", async () => {
    const other = await knownCustomer();
    const shopper = await knownCustomer();
    clock.advanceMinutes(3);

    await textFromShopper(shopper.phone, "STOP");
    const jobs = await writeBackJobs();
    expect(jobs).toHaveLength(1);
    await run(jobs[0]);

    expect(double.consentUpdates()).toEqual([
      { customerId: shopper.gid, consent: expect.objectContaining({ marketingState: "UNSUBSCRIBED", consentUpdatedAt: clock.now() }), at: clock.now() },
    ]);
    expect(double.customers().find((c) => c.id === other.gid)?.smsMarketingConsent?.marketingState).toBe("SUBSCRIBED");
    // Shopify then tells us what we told it.
    clock.advanceMinutes(1);
    const echo = await ingest(consentWebhook(shopper.customerId, shopper.phone, "unsubscribed", double.consentUpdates()[0].consent.consentUpdatedAt));
    expect(echo.outcome).toBe("unchanged");
    expect((await ledgerOf(shopper.phone)).map((e) => e.source)).toEqual(["shopify_sync", "keyword"]);
  });

  it("the job writes where consent stands when it runs: STOP then JOIN leaves Shopify subscribed", async () => {
    const shopper = await knownCustomer();
    await textFromShopper(shopper.phone, "STOP");
    clock.advanceMinutes(2);
    await textFromShopper(shopper.phone, "JOIN");

    const [afterStop, afterJoin] = await writeBackJobs();
    await run(afterStop);

    expect(JSON.parse(afterStop.payload)).toMatchObject({ granted: false });
    expect(double.consentUpdates().map((u) => u.consent)).toEqual([
      expect.objectContaining({ marketingState: "SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: clock.now() }),
    ]);
    await run(afterJoin);
    expect(double.consentUpdates().map((u) => u.consent.marketingState)).toEqual(["SUBSCRIBED", "SUBSCRIBED"]);
  });

  it("a carrier block (Telnyx 40300 after a STOP) is written back as UNSUBSCRIBED", async () => {
    const telnyx = await startFixedAnswerApi(409, {
      errors: [{ code: "40300", title: "Blocked due to STOP message", detail: "Messages cannot be sent due to an existing block rule." }],
    });
    try {
      const shopper = await knownCustomer();
      const blocking = createAppJobRegistry({ ...deps, env: { TELNYX_BASE_URL: telnyx.apiBaseUrl } });
      await requestText(ctx, { shopId: shop.id, to: shopper.phone, body: "Your order has shipped", purpose: "transactional" }, deps.secrets);
      const send = await db.job.findFirstOrThrow({ where: { shopId: shop.id, kind: SEND_TEXT_JOB } });
      const sendText = blocking.definitionFor(SEND_TEXT_JOB);
      await sendText.run(ctx, sendText.parsePayload(JSON.parse(send.payload)), send);

      expect((await ledgerOf(shopper.phone)).map((e) => [e.source, e.granted])).toEqual([["shopify_sync", true], ["carrier", false]]);
      const [writeBack] = await writeBackJobs();
      await run(writeBack);
      expect(double.consentUpdates()).toEqual([expect.objectContaining({ customerId: shopper.gid, consent: expect.objectContaining({ marketingState: "UNSUBSCRIBED" }) })]);
    } finally {
      await telnyx.close();
    }
  });

  it("a shopper Shopify does not know gets no write-back", async () => {
    await textFromShopper(nextPhone(), "JOIN");
    expect(await writeBackJobs()).toEqual([]);
  });

  it("one consent event queues one write-back, however often it is asked", async () => {
    const shopper = await knownCustomer();
    const contact = await contactOf(shopper.phone);
    const [event] = await ledgerOf(shopper.phone);
    const input = { shopId: shop.id, contactId: contact.id, granted: true, consentEventId: event.id };

    const [first, second] = [await queueShopifyConsentWriteBack(ctx, input), await queueShopifyConsentWriteBack(ctx, input)];

    expect(second?.id).toBe(first?.id);
    expect(await writeBackJobs()).toHaveLength(1);
  });

  it("Shopify refusing the update (userErrors) fails the job permanently", async () => {
    const phone = nextPhone();
    // Known to the ledger as a Shopify customer, but not (or no longer) in Shopify.
    await ingest(consentWebhook("999000111", phone, "subscribed"));
    await textFromShopper(phone, "STOP");
    const [job] = await writeBackJobs();

    const failure = await run(job).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PermanentJobError);
    expect((failure as Error).message).toBe("Shopify refused the SMS consent of gid://shopify/Customer/999000111: input.customerId: Customer not found");
    expect(double.consentUpdates()).toEqual([]);
  });
});
