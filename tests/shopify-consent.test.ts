import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const TOPIC = "customers_marketing_consent/update";
// The fixture's id is past 2^53: JSON.parse would turn it into …370000.
const CUSTOMER_ID = "706405506930370084";
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
});

/** Shopify's documented payload with a phone and a state filled in, edited as text to keep the id exact. */
function consentUpdate(phone: string, state: string, updatedAt = "2026-03-02T09:00:00-05:00") {
  return shopifyFixture("customers-marketing-consent-update")
    .replace('"phone": null', `"phone": "${phone}"`)
    .replace('"state": null', `"state": "${state}"`)
    .replace('"opt_in_level": null', '"opt_in_level": "single_opt_in"')
    .replace('"consent_updated_at": null', `"consent_updated_at": "${updatedAt}"`);
}

const contactOf = (phone: string) => db.contact.findUnique({ where: { shopId_phone: { shopId, phone } } });
const ledgerOf = (phone: string) => db.consentEvent.findMany({ where: { shopId, phone }, orderBy: { occurredAt: "asc" } });

describe("SMS consent changed in Shopify", () => {
  it("a signed subscribe is recorded as a Shopify sync and the shopper has marketing consent", async () => {
    const phone = uniquePhone();
    const body = consentUpdate(phone, "subscribed");
    expect(body).toContain(`"state": "subscribed"`);

    const response = await postShopifyWebhook(app.url, TOPIC, body);

    expect(response.status).toBe(200);
    expect(await ledgerOf(phone)).toEqual([
      expect.objectContaining({
        scope: "marketing",
        granted: true,
        source: "shopify_sync",
        evidence: `shopify customer ${CUSTOMER_ID}`,
        text: expect.stringContaining("SMS marketing subscribed"),
      }),
    ]);
    expect(await contactOf(phone)).toMatchObject({ shopifyCustomerId: CUSTOMER_ID, marketingConsent: true, transactionalConsent: true });
  });

  it("a redelivery, and Shopify echoing the same state again, add nothing to the ledger", async () => {
    const phone = uniquePhone();
    const body = consentUpdate(phone, "subscribed");
    const webhookId = randomUUID();

    for (const delivery of [{ webhookId }, { webhookId }, { webhookId: randomUUID() }]) {
      expect((await postShopifyWebhook(app.url, TOPIC, body, delivery)).status).toBe(200);
    }

    expect(await ledgerOf(phone)).toHaveLength(1);
  });

  it("a signed body that is not a consent update is answered 200, kept, and changes nothing", async () => {
    const webhookId = randomUUID();
    const response = await postShopifyWebhook(app.url, TOPIC, `{"id": "not-a-number", "sms_marketing_consent": 7}`, { webhookId });
    expect(response.status).toBe(200);
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(1);
  });

  it("a STOP from that customer is written back through the shop's Admin API, and Shopify's refusal is final", async () => {
    const phone = uniquePhone();
    await postShopifyWebhook(app.url, TOPIC, consentUpdate(phone, "subscribed"));

    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    await sandbox.advanceClock(0);

    // The sandbox's Shopify has no customer with the fixture's id, so it answers with a userError.
    const contact = await contactOf(phone);
    const jobs = await db.job.findMany({ where: { shopId, kind: "sync-sms-consent-to-shopify", payload: { contains: contact!.id } } });
    expect(jobs).toEqual([
      expect.objectContaining({ status: "failed", attempts: 1, lastError: expect.stringContaining(`gid://shopify/Customer/${CUSTOMER_ID}: input.customerId: Customer not found`) }),
    ]);
    expect(await contactOf(phone)).toMatchObject({ marketingConsent: false, optedOutAt: expect.any(Date) });
  });
});
