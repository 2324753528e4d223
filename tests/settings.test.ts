import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { decryptSecret } from "~/messaging/secrets.server";
import { TEST_MESSAGE_TEXT } from "~/messaging/test-message.server";
import { sendBucketsFor } from "~/messaging/send-rate.server";
import { ACCOUNT_RATE, NUMBER_RATES } from "~/messaging/sending-limits";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
// The sandbox's documented, public encryption key (app/sandbox/main.ts).
const SANDBOX_ENCRYPTION_KEY = Buffer.from("textback-sandbox-encryption-key!").toString("base64");
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: "textback-demo.myshopify.com" } });
const sandbox = sandboxClient(() => app.url);

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

// First in the file: later tests leave the demo shop with a key the Telnyx double refuses.
describe("test messages", () => {
  let savedSettings: string;
  beforeAll(async () => {
    savedSettings = (await demoShop()).settings;
    // 09:00 in Chicago on a later day: inside every sending window.
    const { body } = await sandbox.advanceClock(0);
    const morning = new Date(body.now);
    morning.setUTCDate(morning.getUTCDate() + 1);
    morning.setUTCHours(15, 0, 0, 0);
    await sandbox.setClock(morning.toISOString());
  });
  // Later files share the demo shop.
  afterAll(async () => {
    await db.shop.update({ where: { domain: "textback-demo.myshopify.com" }, data: { settings: savedSettings } });
  });
  const sendTest = (phone: string) => sandbox.adminPost("/app/settings/test-message", { phone });

  it("refuses invalid test numbers by name and keeps them in E.164", async () => {
    const bad = await saveSettings({ intent: "testNumbers", testNumbers: "(312) 555-0147\n12345" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.testNumbers).toMatch(/“12345” is not a valid mobile number/);

    expect((await saveSettings({ intent: "testNumbers", testNumbers: "(312) 555-0147, +1 646 555 0123" })).status).toBe(200);
    const html = await (await fetch(`${app.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(html).toContain("+16465550123");
  });

  it("are refused, with a clear error, to a number that is not one of the shop's test numbers", async () => {
    const phone = uniquePhone();

    const test = await sendTest(phone);

    expect(test).toEqual({ status: 400, body: { error: `${phone} is not one of your test numbers: add it under “Test numbers” first` } });
    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(phone)).toEqual([]);
    expect(await db.consentEvent.count({ where: { phone } })).toBe(0);
  });

  // Fails for now, as it should not: the sender gate refuses for lack of consent until it admits the shop's test
  // numbers (isTestNumber) for transactional texts. Turn it into it() with that change.
  it("reach a listed number without recording consent for it, and are refused once it texts STOP", async () => {
    const phone = uniquePhone();
    expect((await saveSettings({ intent: "testNumbers", testNumbers: phone })).status).toBe(200);

    const first = await sendTest(phone);
    await sandbox.advanceClock(0);
    expect(first.body.message.status).toBe("queued");
    expect((await sandbox.textsTo(phone)).map((t) => t.text)).toEqual([`Textback Demo: ${TEST_MESSAGE_TEXT}`]);
    expect(await db.consentEvent.count({ where: { phone } })).toBe(0);

    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    await sandbox.advanceClock(0);
    const textsAfterStop = (await sandbox.textsTo(phone)).length;
    const second = await sendTest(phone);
    await sandbox.advanceClock(0);

    expect(second.body.message).toMatchObject({ status: "refused", reason: expect.stringMatching(/opted out/) });
    expect(await sandbox.textsTo(phone)).toHaveLength(textsAfterStop);
  });
});

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

  it("refuses a number another installed store already uses, since replies are routed by number", async () => {
    const other = await db.shop.create({ data: { domain: `other-${Date.now()}.myshopify.com`, name: "Other", sendingNumber: "+13125550166" } });
    try {
      const before = await demoShop();
      const response = await saveSettings({ ...valid, sendingNumber: "(312) 555-0166" });
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors.sendingNumber).toMatch(/already connected to another store/);
      expect((await demoShop()).sendingNumber).toBe(before.sendingNumber);
      // Once that store is uninstalled, the number is free.
      await db.shop.update({ where: { id: other.id }, data: { uninstalledAt: new Date() } });
      expect((await saveSettings({ ...valid, sendingNumber: "(312) 555-0166" })).status).toBe(200);
    } finally {
      await db.shop.delete({ where: { id: other.id } });
    }
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

describe("sending limits", () => {
  let before: { sendingNumberType: string; settings: string };
  beforeAll(async () => {
    before = await demoShop();
  });
  // Later files share the demo shop and expect its long code.
  afterAll(async () => {
    await db.shop.update({ where: { domain: "textback-demo.myshopify.com" }, data: { sendingNumberType: before.sendingNumberType, settings: before.settings } });
  });
  const saveLimits = (fields: Record<string, string>) => saveSettings({ intent: "sendingLimits", ...fields });
  const ratesNow = async () => sendBucketsFor(await demoShop(), { telnyxApiKey: "KEY_DEMO" }).map((bucket) => bucket.perSecond);
  const settingsPage = async () => (await fetch(`${app.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();

  it("shows the number's type and Telnyx's default rates", async () => {
    const html = await settingsPage();
    expect(html).toContain("Sending limits");
    expect(html).toContain("Short code (100 texts per second)");
    expect(html).toContain("Telnyx&#x27;s default is 50 texts per second");
  });

  it("saves the type the merchant picks, and the send rate follows Telnyx's default for it", async () => {
    for (const type of ["short_code", "toll_free", "long_code"] as const) {
      const response = await saveLimits({ sendingNumberType: type, numberPerSecond: String(NUMBER_RATES[type].perSecond), accountPerSecond: String(ACCOUNT_RATE.perSecond) });
      expect(response.status).toBe(200);
      expect((await demoShop()).sendingNumberType).toBe(type);
      expect(await ratesNow()).toEqual([NUMBER_RATES[type].perSecond, ACCOUNT_RATE.perSecond]);
    }
  });

  it("keeps a number's own rate for its type, and the account's, within Telnyx's bounds", async () => {
    expect((await saveLimits({ sendingNumberType: "toll_free", numberPerSecond: "35", accountPerSecond: "120" })).status).toBe(200);
    expect(await ratesNow()).toEqual([35, 120]);
    const html = await settingsPage();
    expect(html).toContain('value="35"');
    expect(html).toContain('value="120"');
    // Another type brings its own default; the account's rate stays.
    await saveLimits({ sendingNumberType: "short_code", numberPerSecond: String(NUMBER_RATES.short_code.perSecond), accountPerSecond: "120" });
    expect(await ratesNow()).toEqual([NUMBER_RATES.short_code.perSecond, 120]);
  });

  it("refuses rates outside what Telnyx allows, naming the bounds, and changes nothing", async () => {
    await saveLimits({ sendingNumberType: "long_code", numberPerSecond: "2", accountPerSecond: "60" });
    const saved = await demoShop();

    const tooFast = await saveLimits({ sendingNumberType: "long_code", numberPerSecond: "100", accountPerSecond: "0" });
    expect(tooFast.status).toBe(400);
    expect((await tooFast.json()).fieldErrors).toEqual({
      numberPerSecond: "A long code number may send 0.1 to 75 texts per second on Telnyx",
      accountPerSecond: "A Telnyx account may send 1 to 10,000 texts per second on Telnyx",
    });
    const shortCode = await saveLimits({ sendingNumberType: "short_code", numberPerSecond: "5000", accountPerSecond: "60" });
    expect((await shortCode.json()).fieldErrors.numberPerSecond).toBe("A short code number may send 1 to 1,000 texts per second on Telnyx");
    const notANumber = await saveLimits({ sendingNumberType: "toll_free", numberPerSecond: "fast", accountPerSecond: "60" });
    expect((await notANumber.json()).fieldErrors.numberPerSecond).toBe("Enter the number's rate as a number of texts per second");
    const unknownType = await saveLimits({ sendingNumberType: "alphanumeric", numberPerSecond: "1", accountPerSecond: "60" });
    expect((await unknownType.json()).fieldErrors.sendingNumberType).toBe("Choose long code, toll-free or short code");

    expect(await demoShop()).toMatchObject({ sendingNumberType: saved.sendingNumberType, settings: saved.settings });
  });
});

describe("checking the Telnyx connection", () => {
  const check = async () => {
    const response = await fetch(`${app.url}/app/settings/check-connection`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT } });
    expect(response.status).toBe(200);
    return response.json();
  };

  it("confirms a key, profile and number that belong together, and names what is wrong otherwise", async () => {
    const shop = await demoShop();
    const restore = { telnyxApiKeyEncrypted: shop.telnyxApiKeyEncrypted, telnyxMessagingProfileId: shop.telnyxMessagingProfileId, sendingNumber: shop.sendingNumber };
    try {
      await db.shop.update({ where: { id: shop.id }, data: { sendingNumber: "+13125550100", telnyxMessagingProfileId: "40017f8e-49bd-4f4f-8bd4-0d1e5a4db0a1" } });
      const sandboxKey = await saveSettings({ ...valid, apiKey: "KEY_TEXTBACK_SANDBOX", sendingNumber: "+13125550100" });
      expect(sandboxKey.status).toBe(200);
      expect(await check()).toEqual({ ok: true, message: expect.stringContaining("Connected: +13125550100") });

      await saveSettings({ ...valid, apiKey: "", sendingNumber: "+13125550199" });
      expect(await check()).toMatchObject({ ok: false, problem: "number_not_on_profile", message: expect.stringContaining("+13125550199 is not on messaging profile") });

      await saveSettings({ ...valid, apiKey: "", messagingProfileId: "00000000-0000-4000-8000-000000000000", sendingNumber: "+13125550100" });
      expect(await check()).toMatchObject({ ok: false, problem: "no_profile" });

      await saveSettings({ ...valid, apiKey: "KEY0193A1B2C3D4E5F6_WRONGKEY", sendingNumber: "+13125550100" });
      expect(await check()).toMatchObject({ ok: false, problem: "bad_key", message: expect.stringContaining("did not accept the API key") });
    } finally {
      await db.shop.update({ where: { id: shop.id }, data: restore });
    }
  });
});

describe("store details", () => {
  it("refuses a bad link, email or price next to the field, and saves good ones", async () => {
    const before = await demoShop();
    const bad = await saveSettings({ intent: "store", brandName: "", supportEmail: "nope", returnsUrl: "javascript:alert(1)", reviewUrl: "", costPerSegment: "-1" });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["brandName", "costPerSegment", "returnsUrl", "supportEmail"]);

    const good = await saveSettings({ intent: "store", brandName: "Harbor", supportEmail: "help@harbor.example", returnsUrl: "https://harbor.example/returns", reviewUrl: "", costPerSegment: "0.0051" });
    expect(good.status).toBe(200);
    expect(await demoShop()).toMatchObject({ brandName: "Harbor", supportEmail: "help@harbor.example", returnsUrl: "https://harbor.example/returns", reviewUrl: null });
    expect(Number((await demoShop()).costPerSegment)).toBe(0.0051);
    // Later test files share the demo shop and expect its review and returns links.
    const restore = { brandName: before.brandName, supportEmail: before.supportEmail, returnsUrl: before.returnsUrl, reviewUrl: before.reviewUrl, costPerSegment: before.costPerSegment };
    await db.shop.update({ where: { id: before.id }, data: restore });
  });
});
