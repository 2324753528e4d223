import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { loadConnectionStatus } from "./connection-status.server";

const { db } = useTestDatabase();
const NOW = new Date("2026-05-04T15:00:00.000Z");
const ctx: AppContext = { db, clock: new VirtualClock(NOW) };
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function delivery(source: "shopify" | "telnyx", topic: string, receivedAt: Date, extra: { shopId?: string; payload?: object; processed?: boolean } = {}) {
  return db.webhookEvent.create({
    data: {
      source,
      externalId: randomUUID(),
      topic,
      shopId: extra.shopId,
      payload: JSON.stringify(extra.payload ?? {}),
      receivedAt,
      processedAt: extra.processed === false ? null : receivedAt,
    },
  });
}

describe("a shop's connection status", () => {
  let shop: Awaited<ReturnType<typeof createShop>>;

  beforeAll(async () => {
    shop = await createShop(ctx, { telnyxMessagingProfileId: "profile-1" });
    const other = await createShop(ctx);
    await delivery("shopify", "orders/create", minutesAgo(30), { shopId: shop.id });
    await delivery("shopify", "checkouts/update", minutesAgo(1), { shopId: other.id });
    await delivery("telnyx", "message.received", minutesAgo(20), { payload: { data: { payload: { to: [{ phone_number: shop.sendingNumber }] } } }, processed: false });
    await delivery("telnyx", "message.finalized", minutesAgo(2), { payload: { data: { payload: { from: { phone_number: other.sendingNumber } } } } });
  });

  it("names the last webhook from Shopify and from Telnyx that concern the shop, not another's", async () => {
    const status = await loadConnectionStatus(ctx, shop);
    expect(status).toMatchObject({
      telnyx: { credentialsSaved: true, checkedAt: null },
      lastShopifyWebhook: { topic: "orders/create", receivedAt: minutesAgo(30).toISOString(), processed: true },
      lastTelnyxWebhook: { topic: "message.received", receivedAt: minutesAgo(20).toISOString(), processed: false },
    });
  });
});
