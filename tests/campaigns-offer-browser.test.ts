// A campaign with a discount code per recipient and a test share, composed in a browser: the
// variable menu offers {{discount_code}} only with the discount on, the test only with two
// variants, a variant without the code is refused on its own text field, and the saved draft's
// page shows the discount and the share.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { uniquePhone } from "./support/sandbox-client";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const chrome = useBrowser();
const { db } = useTestDatabase();
const MARK = `coffer-${process.pid}-${Date.now()}`;
const SEGMENT = `Tagged ${MARK}`;

beforeAll(async () => {
  const shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } })).id;
  const ctx = { db, clock: new VirtualClock(new Date()) };
  for (const phone of [uniquePhone("312"), uniquePhone("312")]) {
    // Subscribers already on the list, not new opt-ins: no welcome series to compete for the day's cap.
    const { contact } = await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Yes, text me offers", welcome: false });
    await db.contactTag.create({ data: { shopId, contactId: contact.id, tag: MARK } });
  }
  await db.segment.create({ data: { shopId, name: SEGMENT, rules: JSON.stringify({ field: "tag", op: "=", value: MARK }) } });
});

describe("a campaign's discount and test share in the admin", () => {
  it("offers the code with the discount, refuses a variant without it on that variant, and saves both", { timeout: 120_000 }, async () => {
    const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 1200 } });
    const variables = (index: number) => page.getByLabel("Variable").nth(index).locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const text = (index: number) => page.getByLabel("Text", { exact: true }).nth(index);

    await page.goto(`${app.url}/app/campaigns/new`, { waitUntil: "networkidle" });
    await page.getByLabel("Name", { exact: true }).fill(`Offer ${MARK}`);
    await page.getByLabel("Segment").selectOption({ label: `${SEGMENT} (2)` });
    expect(await variables(0)).not.toContain("{{discount_code}}");
    await expect(page.getByLabel("Test on a share first").isDisabled()).resolves.toBe(true);

    await page.getByLabel("A unique single-use discount code per recipient").check();
    await page.getByLabel("Discount (% off)").fill("15");
    expect(await variables(0)).toContain("{{discount_code}}");
    await text(0).fill("Winter sale, code");
    await page.getByLabel("Variable").nth(0).selectOption("{{discount_code}}");
    await expect(text(0).inputValue()).resolves.toBe("Winter sale, code {{discount_code}}");
    // The code is measured as long as a real one.
    await expect.poll(() => page.getByTestId("as-sent").textContent(), { timeout: 10_000 }).toBe("Textback Demo: Winter sale, code TB-XXXXXXXXXX Reply STOP to opt out");

    await page.getByRole("button", { name: "Add a variant" }).click();
    await text(1).fill("Winter sale B");
    await page.getByLabel("Test on a share first").check();
    await page.getByLabel("Test share (%)").fill("30");
    await page.getByLabel("Send the winner to the rest after (hours)").fill("6");
    await page.getByRole("button", { name: "Save draft" }).click();
    // The field says it, and the estimate card may too.
    await page.getByText("Put {{discount_code}} in the text").first().waitFor({ timeout: 10_000 });
    await expect(text(1).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(text(0).getAttribute("aria-invalid")).resolves.not.toBe("true");
    await page.screenshot({ path: `${ARTIFACTS_DIR}/campaign-offer-refused.png`, fullPage: true });

    await text(1).fill("Winter sale B: {{discount_code}}");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/app\/campaigns\/(?!new)\w+$/, { timeout: 10_000 });
    await page.getByText("15 % off with a unique single-use code per recipient; the codes come from one Shopify discount").waitFor();
    await page.getByText("30 % of the treated audience first; the winner goes to the rest after 6 h").waitFor();
    const saved = await db.campaign.findMany({ where: { name: `Offer ${MARK}` } });
    expect(saved).toEqual([expect.objectContaining({ status: "draft", discountPercent: 15, testSharePercent: 30, winnerAfterHours: 6 })]);
    await page.close();
  });
});
