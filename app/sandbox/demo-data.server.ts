// The demo shop the sandbox installs, and a few shoppers so the pages are not empty.
// Idempotent: starting the sandbox again keeps what is there.
import type { AppContext } from "~/context.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";
import { SANDBOX_SHOP_DOMAIN } from "./demo-shop";
import { DEMO_FAQ, DEMO_KEYWORDS } from "./demo-knowledge-base";
import { seedDemoApiKey } from "./demo-api-key.server";
import { SHIPPING_SETTINGS_KEY } from "~/flows/shipping/shipping-settings";
import type { SendingNumberType } from "~/messaging/sending-limits";

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
      // Telnyx is connected here, so the demo's cart recovery is on from the start,
      // and so are its shipping texts.
      settings: JSON.stringify({
        ...JSON.parse(withCartRecoverySettings("{}", { ...DEFAULT_CART_RECOVERY, enabled: true })),
        [SHIPPING_SETTINGS_KEY]: { enabled: true },
      }),
      ...telnyx,
    },
    update: { ...telnyx, uninstalledAt: null },
  });
  await seedDemoShoppers({ db, clock }, shop.id);
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
