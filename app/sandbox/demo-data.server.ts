// The demo shop the sandbox installs, and a few shoppers so the pages are not empty.
// Idempotent: starting the sandbox again keeps what is there.
import type { AppContext } from "~/context.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";
import { SANDBOX_SHOP_DOMAIN } from "./demo-shop";
import { DEMO_FAQ, DEMO_KEYWORDS } from "./demo-knowledge-base";
import { seedDemoApiKey } from "./demo-api-key.server";
import { SHIPPING_SETTINGS_KEY } from "~/flows/shipping/shipping-settings";
import { LIFECYCLE_PAGES } from "~/flows/lifecycle-flow-pages.server";
import { DEMO_PRODUCTS } from "./demo-products";
import { ensureWinBackScan } from "~/flows/win-back/win-back.server";
import type { SendingNumberType } from "~/messaging/sending-limits";
import type { SeedCustomer, SeedOrder, ShopifyAdminDouble } from "./shopify-admin-double.server";

export const SANDBOX_SENDING_NUMBER = "+13125550100";
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

interface DemoShopInput {
  scopes: string;
  encryptionKey: string;
  telnyxApiKey: string;
  messagingProfileId: string;
  /** Set again at every start: SANDBOX_NUMBER_TYPE names the demo number's type. */
  numberType: SendingNumberType;
}

export async function installDemoShop({ db, clock }: AppContext, input: DemoShopInput) {
  const now = clock.now();
  // The offline session Shopify would have stored at install; token validity is real time.
  const expires = new Date(Date.now() + YEAR_MS);
  const session = {
    shop: SANDBOX_SHOP_DOMAIN,
    state: "installed",
    isOnline: false,
    scope: input.scopes,
    accessToken: "shpat_textback_sandbox",
    expires,
    refreshToken: "shprt_textback_sandbox",
    refreshTokenExpires: expires,
  };
  await db.session.upsert({
    where: { id: `offline_${SANDBOX_SHOP_DOMAIN}` },
    create: { id: `offline_${SANDBOX_SHOP_DOMAIN}`, ...session },
    update: session,
  });
  const telnyx = {
    telnyxApiKeyEncrypted: encryptSecret(input.telnyxApiKey, input.encryptionKey),
    telnyxMessagingProfileId: input.messagingProfileId,
    sendingNumber: SANDBOX_SENDING_NUMBER,
    sendingNumberType: input.numberType,
  };
  const shop = await db.shop.upsert({
    where: { domain: SANDBOX_SHOP_DOMAIN },
    create: {
      domain: SANDBOX_SHOP_DOMAIN,
      name: "Textback Demo Store",
      brandName: "Textback Demo",
      ianaTimezone: "America/Chicago",
      supportEmail: "help@textback-demo.example",
      returnsUrl: "https://textback-demo.example/returns",
      reviewUrl: "https://textback-demo.example/reviews",
      installedAt: now,
      // Telnyx is connected here, so every flow of the demo is on from the start, with its
      // default texts: cart recovery, shipping texts, and the lifecycle flows and sign-up form.
      settings: JSON.stringify({
        ...JSON.parse(withCartRecoverySettings("{}", { ...DEFAULT_CART_RECOVERY, enabled: true })),
        [SHIPPING_SETTINGS_KEY]: { enabled: true },
        ...Object.fromEntries(Object.values(LIFECYCLE_PAGES).map(({ key, schema }) => [key, schema.parse({ enabled: true })])),
      }),
      ...telnyx,
    },
    update: { ...telnyx, uninstalledAt: null },
  });
  await seedDemoShoppers({ db, clock }, shop.id);
  await seedDemoOrders({ db, clock }, shop.id);
  await ensureWinBackScan({ db, clock }, shop.id);
  await seedKnowledgeBase({ db, clock }, shop.id);
  await seedDemoApiKey({ db, clock }, shop.id);
  return shop;
}

async function seedKnowledgeBase({ db }: AppContext, shopId: string) {
  if ((await db.faqEntry.count({ where: { shopId } })) === 0) {
    await db.faqEntry.createMany({ data: DEMO_FAQ.map((entry) => ({ shopId, ...entry })) });
  }
  for (const { keyword, answer } of DEMO_KEYWORDS) {
    await db.keywordRule.upsert({ where: { shopId_keyword: { shopId, keyword } }, create: { shopId, keyword, answer }, update: {} });
  }
}

// Guest orders where the daypack and the socks go together, so the demo's cross-sell has a pair
// to show on the Flows page and to suggest to a shopper who bought one of them.
const DEMO_PAIR = [DEMO_PRODUCTS[3], DEMO_PRODUCTS[2]];
const DEMO_PAIR_ORDERS = 4;

async function seedDemoOrders({ db, clock }: AppContext, shopId: string) {
  if ((await db.order.count({ where: { shopId, shopifyOrderId: { startsWith: "demo-" } } })) > 0) return;
  for (let i = 0; i < DEMO_PAIR_ORDERS; i++) {
    await db.order.create({
      data: {
        shopId,
        shopifyOrderId: `demo-${i + 1}`,
        name: `#D${1001 + i}`,
        totalPrice: "96.00",
        currency: "USD",
        placedAt: new Date(clock.now().getTime() - (10 + 7 * i) * 24 * 60 * 60_000),
        lines: { create: DEMO_PAIR.map((product) => ({ shopId, productId: String(product.id), title: product.title })) },
      },
    });
  }
}

const DEMO_SHOPPERS = [
  { phone: "+13125550142", firstName: "Maya", text: "Do you ship to Canada?", minutesAgo: 12 },
  { phone: "+14155550187", firstName: "Jonah", text: "Thanks, got it!", minutesAgo: 95 },
  { phone: "+12125550119", firstName: "Priya", text: "Is the linen shirt true to size?", minutesAgo: 240 },
];

async function seedDemoShoppers({ db, clock }: AppContext, shopId: string) {
  if ((await db.contact.count({ where: { shopId } })) > 0) return;
  for (const shopper of DEMO_SHOPPERS) {
    const at = new Date(clock.now().getTime() - shopper.minutesAgo * 60_000);
    const contact = await db.contact.create({
      data: { shopId, phone: shopper.phone, firstName: shopper.firstName, transactionalConsent: true },
    });
    const conversation = await db.conversation.create({
      data: {
        shopId,
        contactId: contact.id,
        state: "needs_reply",
        unread: true,
        lastMessageAt: at,
        lastMessagePreview: shopper.text,
      },
    });
    await db.message.create({
      data: {
        shopId,
        contactId: contact.id,
        conversationId: conversation.id,
        direction: "inbound",
        body: shopper.text,
        fromNumber: shopper.phone,
        toNumber: SANDBOX_SENDING_NUMBER,
        status: "received",
        occurredAt: at,
      },
    });
  }
}

// The demo shop's customers and orders in Shopify, which "Import from Shopify" reads through the
// Admin double's bulk operation: subscribed (single and confirmed opt-in, collected by Shopify and
// elsewhere), never subscribed, unsubscribed, and one without a phone. Their numbers are not the
// demo shoppers' above, so an import leaves the inbox's threads as they are.
export const DEMO_SHOPIFY_CUSTOMERS: (SeedCustomer & { orders: { total: string; at: string }[] })[] = [
  {
    id: 7301, firstName: "Elena", lastName: "Marsh", email: "elena@textback-demo.example", phone: "+13125550171", tags: ["VIP", "newsletter"],
    smsMarketingConsent: { marketingState: "SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: new Date("2025-03-14T09:30:00Z"), consentCollectedFrom: "SHOPIFY" },
    orders: [{ total: "120.00", at: "2025-03-14T09:25:00Z" }, { total: "89.50", at: "2025-06-02T17:10:00Z" }, { total: "45.00", at: "2025-10-20T12:00:00Z" }],
  },
  {
    id: 7302, firstName: "Omar", lastName: "Haddad", phone: "+16465550172", tags: ["wholesale"],
    smsMarketingConsent: { marketingState: "SUBSCRIBED", marketingOptInLevel: "CONFIRMED_OPT_IN", consentUpdatedAt: new Date("2025-05-01T15:00:00Z"), consentCollectedFrom: "OTHER" },
    orders: [{ total: "310.25", at: "2025-05-01T14:40:00Z" }],
  },
  {
    id: 7303, firstName: "Grace", phone: "+15035550173", tags: [],
    smsMarketingConsent: { marketingState: "SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: new Date("2025-08-09T11:00:00Z"), consentCollectedFrom: "SHOPIFY" },
    orders: [],
  },
  { id: 7304, firstName: "Luis", phone: "+13055550174", tags: ["returning"], smsMarketingConsent: { marketingState: "NOT_SUBSCRIBED" }, orders: [{ total: "60.00", at: "2025-02-11T10:00:00Z" }, { total: "35.00", at: "2025-09-30T19:45:00Z" }] },
  { id: 7305, firstName: "Hana", phone: "+12065550175", smsMarketingConsent: { marketingState: "UNSUBSCRIBED", consentUpdatedAt: new Date("2025-07-07T07:07:00Z"), consentCollectedFrom: "SHOPIFY" }, orders: [{ total: "18.00", at: "2025-04-04T16:00:00Z" }] },
  { id: 7306, firstName: "Noor", email: "noor@textback-demo.example", tags: ["newsletter"], orders: [{ total: "75.00", at: "2025-01-20T13:00:00Z" }] },
];

export function seedDemoShopifyHistory(double: ShopifyAdminDouble) {
  let orderId = 9100;
  for (const { orders, ...customer } of DEMO_SHOPIFY_CUSTOMERS) {
    double.seedCustomer(customer);
    for (const order of orders) {
      orderId++;
      const seed: SeedOrder = { id: orderId, name: `#${orderId}`, shop: SANDBOX_SHOP_DOMAIN, customerId: customer.id, phone: customer.phone, totalPrice: order.total, createdAt: new Date(order.at) };
      double.seedOrder(seed);
    }
  }
}
