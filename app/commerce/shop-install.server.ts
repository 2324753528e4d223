// Installing from the Shopify admin: the shop's record with safe defaults (no Telnyx, every
// flow off). Re-installing after an uninstall starts clean, except what compliance must keep:
// the consent ledger and the suppression list, so a shopper's STOP outlives a reinstall.
// Both start an import of the shop's Shopify history (customers, consent, orders, tags).
import type { AppContext } from "~/context.server";
import type { ShopifyAdminGraphql } from "./shopify-sms-consent.server";
import { startHistoryImport } from "./shopify-history-import.server";
import { ensureWinBackScan } from "~/flows/win-back/win-back.server";

export interface ShopProfile {
  name: string;
  ianaTimezone: string;
  currency: string;
}

const SHOP_PROFILE = `#graphql
  query ShopProfile { shop { name ianaTimezone currencyCode } }`;

/** The shop's name, time zone and currency from the Admin API; the domain stands in on failure. */
export async function fetchShopProfile(admin: ShopifyAdminGraphql, domain: string): Promise<ShopProfile> {
  const fallback = { name: domain.replace(/\.myshopify\.com$/, ""), ianaTimezone: "America/New_York", currency: "USD" };
  try {
    const response = await admin.graphql(SHOP_PROFILE);
    const body = (await response.json()) as { data?: { shop?: { name: string; ianaTimezone: string; currencyCode: string } } };
    const shop = body.data?.shop;
    return shop ? { name: shop.name, ianaTimezone: shop.ianaTimezone, currency: shop.currencyCode } : fallback;
  } catch {
    return fallback;
  }
}

export async function installShop(ctx: AppContext, domain: string, profile: ShopProfile) {
  const { db, clock } = ctx;
  const now = clock.now();
  const existing = await db.shop.findUnique({ where: { domain } });
  if (existing && !existing.uninstalledAt) return db.shop.update({ where: { id: existing.id }, data: profile });
  const shop = existing ? await reinstall(ctx, existing.id, profile) : await db.shop.create({ data: { domain, ...profile, installedAt: now } });
  await startHistoryImport(ctx, shop.id);
  await ensureWinBackScan(ctx, shop.id);
  return shop;
}

async function reinstall({ db, clock }: AppContext, shopId: string, profile: ShopProfile) {
  const now = clock.now();
  return db.$transaction(async (tx) => {
    // Children before parents where the schema does not cascade between them.
    await tx.message.deleteMany({ where: { shopId } });
    await tx.conversation.deleteMany({ where: { shopId } });
    await tx.link.deleteMany({ where: { shopId } });
    await tx.discountCode.deleteMany({ where: { shopId } });
    await tx.shipment.deleteMany({ where: { shopId } });
    await tx.order.deleteMany({ where: { shopId } });
    await tx.checkout.deleteMany({ where: { shopId } });
    await tx.contact.deleteMany({ where: { shopId } });
    await tx.job.deleteMany({ where: { shopId } });
    await tx.keywordRule.deleteMany({ where: { shopId } });
    await tx.faqEntry.deleteMany({ where: { shopId } });
    await tx.template.deleteMany({ where: { shopId } });
    // Its job went with the jobs above; the import starts again below.
    await tx.historyImport.updateMany({ where: { shopId, status: "running" }, data: { status: "failed", finishedAt: now, error: "The app was uninstalled" } });
    return tx.shop.update({ where: { id: shopId }, data: { ...profile, ...FRESH_SETTINGS, installedAt: now, uninstalledAt: null } });
  });
}

// A reinstalled shop's settings, as a new install has them (the schema's defaults).
const FRESH_SETTINGS = {
  telnyxApiKeyEncrypted: null,
  telnyxMessagingProfileId: null,
  sendingNumber: null,
  sendingNumberType: "long_code",
  costPerSegment: 0.004,
  brandName: null,
  helpText: null,
  supportEmail: null,
  returnsUrl: null,
  reviewUrl: null,
  quietHoursStart: 8,
  quietHoursEnd: 21,
  marketingCapPerDay: 1,
  marketingCapPerWeek: 3,
  optInKeywords: "JOIN",
  consentDisclosure: null,
  businessHours: null,
  awayMessage: null,
  settings: "{}",
};
