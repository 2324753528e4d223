import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { decryptSecret } from "~/messaging/secrets.server";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
// The sandbox's documented, public encryption key (app/sandbox/main.ts).
const SANDBOX_ENCRYPTION_KEY = Buffer.from("textback-sandbox-encryption-key!").toString("base64");
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: "textback-demo.myshopify.com" } });

function saveSettings(fields: Record<string, string>) {
  return fetch(`${app.url}/app/settings?_data=routes%2Fapp.settings`, {
    method: "POST",
    headers: { "User-Agent": BROWSER_USER_AGENT },
    body: new URLSearchParams(fields),
  });
}

const valid = {
  apiKey: "KEY0193A1B2C3D4E5F6_NEWKEY9876",
  messagingProfileId: "40017f8e-49bd-4f4f-8bd4-0d1e5a4db0a1",
  sendingNumber: "(312) 555-0177",
  sendingNumberType: "long_code",
};

describe("Telnyx settings", () => {
  it("never sends the stored API key to the browser", async () => {
    const html = await (await fetch(`${app.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(html).toContain("Telnyx connection");
    expect(html).not.toContain("KEY_TEXTBACK_SANDBOX");
    expect(html).toContain("ending in DBOX");
  });

  it("refuses invalid settings field by field and changes nothing", async () => {
    const before = await demoShop();
    const response = await saveSettings({ ...valid, apiKey: "sk_live_123", messagingProfileId: "nope", sendingNumber: "12" });
    expect(response.status).toBe(400);
    const { fieldErrors } = await response.json();
    expect(Object.keys(fieldErrors).sort()).toEqual(["apiKey", "messagingProfileId"]);
    const badNumber = await saveSettings({ ...valid, sendingNumber: "12" });
    expect((await badNumber.json()).fieldErrors.sendingNumber).toMatch(/international format/);
    expect(await demoShop()).toMatchObject({ telnyxApiKeyEncrypted: before.telnyxApiKeyEncrypted, sendingNumber: before.sendingNumber });
  });

  it("stores a new key encrypted and the number in E.164", async () => {
    expect((await saveSettings(valid)).status).toBe(200);
    const shop = await demoShop();
    expect(shop.sendingNumber).toBe("+13125550177");
    expect(shop.telnyxApiKeyEncrypted).not.toContain("NEWKEY");
    expect(decryptSecret(shop.telnyxApiKeyEncrypted!, SANDBOX_ENCRYPTION_KEY)).toBe(valid.apiKey);
    // An empty key field keeps the saved key.
    await saveSettings({ ...valid, apiKey: "" });
    expect((await demoShop()).telnyxApiKeyEncrypted).toBe(shop.telnyxApiKeyEncrypted);
  });
});
