// "Why did nothing send?" beside the jobs console: is Telnyx set up and last checked, and when
// did Shopify and Telnyx last reach the app for this shop.
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { telnyxCheckedAt } from "./onboarding.server";

export interface LastWebhook {
  topic: string;
  receivedAt: string;
  /** False while its ingest job has not applied it yet. */
  processed: boolean;
}

export interface ConnectionStatus {
  telnyx: {
    /** An API key, a messaging profile and a sending number are saved. */
    credentialsSaved: boolean;
    /** When "Check connection" last succeeded; null when never since the credentials were saved. */
    checkedAt: string | null;
  };
  lastShopifyWebhook: LastWebhook | null;
  lastTelnyxWebhook: LastWebhook | null;
  /** How far back the last Telnyx webhook was looked for (see lastTelnyxWebhook). */
  telnyxLookbackDays: number;
}

const DAY_MS = 24 * 3_600_000;
const TELNYX_LOOKBACK_DAYS = 7;

type StatusShop = Pick<Shop, "id" | "settings" | "telnyxApiKeyEncrypted" | "telnyxMessagingProfileId" | "sendingNumber">;

export async function loadConnectionStatus(ctx: AppContext, shop: StatusShop): Promise<ConnectionStatus> {
  const [shopify, telnyx] = await Promise.all([
    ctx.db.webhookEvent.findFirst({ where: { shopId: shop.id, source: "shopify" }, orderBy: { receivedAt: "desc" }, select: WEBHOOK_FIELDS }),
    lastTelnyxWebhook(ctx, shop.sendingNumber),
  ]);
  return {
    telnyx: {
      credentialsSaved: Boolean(shop.telnyxApiKeyEncrypted && shop.telnyxMessagingProfileId && shop.sendingNumber),
      checkedAt: telnyxCheckedAt(shop.settings),
    },
    lastShopifyWebhook: shopify && webhookOf(shopify),
    lastTelnyxWebhook: telnyx && webhookOf(telnyx),
    telnyxLookbackDays: TELNYX_LOOKBACK_DAYS,
  };
}

const WEBHOOK_FIELDS = { topic: true, receivedAt: true, processedAt: true } as const;

// Telnyx deliveries are recorded without a shop (nothing in the request names one); the shop's
// own number is in every payload that concerns it, as customer redaction also relies on. The
// search goes back a week so that a shop Telnyx never reaches does not read every delivery.
function lastTelnyxWebhook({ db, clock }: AppContext, sendingNumber: string | null) {
  if (!sendingNumber) return null;
  const since = new Date(clock.now().getTime() - TELNYX_LOOKBACK_DAYS * DAY_MS);
  return db.webhookEvent.findFirst({
    where: { shopId: null, source: "telnyx", receivedAt: { gte: since }, payload: { contains: sendingNumber } },
    orderBy: { receivedAt: "desc" },
    select: WEBHOOK_FIELDS,
  });
}

function webhookOf(event: { topic: string; receivedAt: Date; processedAt: Date | null }): LastWebhook {
  return { topic: event.topic, receivedAt: event.receivedAt.toISOString(), processed: event.processedAt !== null };
}
