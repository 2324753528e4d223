import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { VirtualClock } from "~/clock.server";
import { isPhoneSuppressed, suppressPhone } from "~/compliance/suppression.server";
import { useTestDatabase } from "../../tests/support/database";
import { fetchShopProfile, installShop } from "./shop-install.server";

const { db } = useTestDatabase();
const clock = new VirtualClock(new Date("2026-11-25T15:00:00Z"));
const ctx = { db, clock };
const profile = { name: "Harbor Goods", ianaTimezone: "America/Denver", currency: "CAD" };
const HASH_KEY = "install-test-key";
// Not the sandbox's number: an installed shop with it would take the demo shop's replies.
const SENDING_NUMBER = "+13125550188";
let domain: string;

beforeEach(() => {
  domain = `install-${randomUUID().slice(0, 8)}.myshopify.com`;
});
// No Shopify answers for these shops: their history imports must not run in other files' apps.
afterEach(async () => {
  await db.job.updateMany({ where: { shop: { domain }, status: "queued" }, data: { status: "cancelled", cancelReason: "test shop" } });
});

describe("installing the app", () => {
  it("creates the shop with safe defaults: no Telnyx and every flow off", async () => {
    const shop = await installShop(ctx, domain, profile);
    expect(shop).toMatchObject({ ...profile, domain, telnyxApiKeyEncrypted: null, sendingNumber: null, settings: "{}", uninstalledAt: null });
    expect(shop.installedAt).toEqual(clock.now());
  });

  it("re-installing after an uninstall starts clean but keeps the suppression list and the consent ledger", async () => {
    const shop = await installShop(ctx, domain, profile);
    const contact = await db.contact.create({ data: { shopId: shop.id, phone: "+13125550111" } });
    await db.consentEvent.create({
      data: { shopId: shop.id, contactId: contact.id, phone: contact.phone, scope: "marketing", granted: false, source: "keyword", text: "STOP", occurredAt: clock.now() },
    });
    await suppressPhone(ctx, { shopId: shop.id, phone: contact.phone, reason: "STOP", hashKey: HASH_KEY });
    await db.shop.update({ where: { id: shop.id }, data: { sendingNumber: SENDING_NUMBER, settings: '{"cartRecovery":{"enabled":true}}', uninstalledAt: clock.now() } });

    const again = await installShop(ctx, domain, profile);

    expect(again).toMatchObject({ id: shop.id, sendingNumber: null, settings: "{}", uninstalledAt: null });
    expect(await db.contact.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db.consentEvent.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await isPhoneSuppressed(ctx, { shopId: shop.id, phone: contact.phone, hashKey: HASH_KEY })).toBe(true);
  });

  it("a repeated auth of an installed shop keeps its data and settings", async () => {
    const shop = await installShop(ctx, domain, profile);
    await db.contact.create({ data: { shopId: shop.id, phone: "+13125550112" } });
    await db.shop.update({ where: { id: shop.id }, data: { sendingNumber: SENDING_NUMBER } });
    const again = await installShop(ctx, domain, { ...profile, name: "Harbor Goods Co." });
    expect(again).toMatchObject({ name: "Harbor Goods Co.", sendingNumber: SENDING_NUMBER });
    expect(await db.contact.count({ where: { shopId: shop.id } })).toBe(1);
  });

  it("starts an import of the shop's Shopify history at install and reinstall, not at a repeated auth", async () => {
    const shop = await installShop(ctx, domain, profile);
    const imports = () => db.historyImport.findMany({ where: { shopId: shop.id }, orderBy: { createdAt: "asc" } });
    const [first] = await imports();
    expect(first).toMatchObject({ status: "running", operationId: null });
    expect(await db.job.findFirst({ where: { shopId: shop.id, kind: "import-shopify-history", status: "queued" } })).toMatchObject({ payload: JSON.stringify({ importId: first!.id }) });
    await installShop(ctx, domain, profile);
    expect(await imports()).toHaveLength(1);
    await db.shop.update({ where: { id: shop.id }, data: { uninstalledAt: clock.now() } });
    await installShop(ctx, domain, profile);
    expect((await imports()).map((i) => i.status)).toEqual(["failed", "running"]);
  });

  it("reads the shop's name, zone and currency from the Admin API, and falls back to the domain", async () => {
    const answering = { graphql: async () => Response.json({ data: { shop: { name: "Harbor", ianaTimezone: "Europe/Paris", currencyCode: "EUR" } } }) };
    await expect(fetchShopProfile(answering, "harbor.myshopify.com")).resolves.toEqual({ name: "Harbor", ianaTimezone: "Europe/Paris", currency: "EUR" });
    const failing = { graphql: async () => { throw new Error("network"); } };
    await expect(fetchShopProfile(failing, "harbor.myshopify.com")).resolves.toMatchObject({ name: "harbor" });
  });
});
