import { afterAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { sendBucketsFor } from "~/messaging/send-rate.server";
import { NUMBER_RATES } from "~/messaging/sending-limits";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", SANDBOX_NUMBER_TYPE: "short_code" });
const { db } = useTestDatabase();
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: "textback-demo.myshopify.com" } });

// Later files share the demo shop and expect its long code (their sandbox sets it again anyway).
afterAll(async () => {
  await db.shop.update({ where: { domain: "textback-demo.myshopify.com" }, data: { sendingNumberType: "long_code" } });
});

describe("SANDBOX_NUMBER_TYPE", () => {
  it("starts the demo shop's number as that type, with Telnyx's default rate for it", async () => {
    const shop = await demoShop();
    expect(shop.sendingNumberType).toBe("short_code");
    expect(sendBucketsFor(shop, { telnyxApiKey: "KEY_DEMO" })[0]!.perSecond).toBe(NUMBER_RATES.short_code.perSecond);
    const html = await (await fetch(`${app.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(html).toMatch(/<option value="short_code" selected="">/);
  });
});
