// A recovery text with the cart's first product image: MMS to a US number, SMS without the image
// to a UK number, and the image in the inbox thread. The image comes from the Admin API (the
// double's demo catalogue), since Shopify's checkout payload carries none.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PRODUCTS } from "~/sandbox/demo-products";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { checkoutPayload } from "./support/checkout-webhooks";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";

// No background worker: the flow moves only when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const DAYPACK = DEMO_PRODUCTS[3];

interface DoubleMessage {
  text: string;
  type: "SMS" | "MMS";
  media: string[];
}
const recoveryTextsTo = async (phone: string): Promise<DoubleMessage[]> =>
  (await (await fetch(`${app.url}/sandbox/messages?to=${encodeURIComponent(phone)}`)).json()).messages.filter((m: DoubleMessage) => m.text.includes("in your cart"));

beforeAll(async () => {
  // 10:00 in Chicago and 16:00 in London, two days on: inside both sending windows.
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  await sandbox.setClock(`${new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10)}T16:00:00Z`);
});

/** An abandoned checkout whose first line is the daypack. */
async function abandonDaypack(phone: string, countryCode?: string) {
  const { body } = checkoutPayload({ phone, acceptsSms: true, updatedAt: (await sandbox.advanceClock(0)).body.now, firstTitle: DAYPACK.title, countryCode });
  const checkout = JSON.parse(body);
  checkout.line_items[0].product_id = DAYPACK.id;
  expect((await postShopifyWebhook(app.url, "checkouts/update", JSON.stringify(checkout))).status).toBe(200);
  await sandbox.advanceClock(31);
}

describe("a recovery text with the cart's image", () => {
  it("reaches Telnyx as MMS with the product image for a US number, and the thread shows the image", { timeout: 30_000 }, async () => {
    const phone = uniquePhone();
    await abandonDaypack(phone);
    expect(await recoveryTextsTo(phone)).toEqual([expect.objectContaining({ type: "MMS", media: [DAYPACK.imageUrl] })]);

    const message = await db.message.findFirstOrThrow({ where: { toNumber: phone, flow: "cart_recovery" } });
    expect(JSON.parse(message.mediaUrls)).toEqual([DAYPACK.imageUrl]);
    const page = await fetch(`${app.url}/app/inbox/${message.conversationId}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(new RegExp(`<img src="${DAYPACK.imageUrl}" alt="Picture sent with this text"`));
  });

  it("reaches Telnyx as SMS without the image for a UK number", { timeout: 30_000 }, async () => {
    const phone = `+4474009${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
    await abandonDaypack(phone, "GB");
    expect(await recoveryTextsTo(phone)).toEqual([expect.objectContaining({ type: "SMS", media: [] })]);
    // The image was known; the number is what kept it out.
    const product = await db.product.findFirstOrThrow({ where: { shop: { domain: SANDBOX_SHOP }, shopifyProductId: String(DAYPACK.id) } });
    expect(product.imageUrl).toBe(DAYPACK.imageUrl);
  });
});
