// Renders the extension's real entry modules with preact into a DOM, with a stand-in for the
// `shopify` global Shopify gives extensions, and a recording fetch in place of the network.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { APP_URL } from "./app-url";
import type { ConsentSettings } from "./disclosure";

const SETTINGS: ConsentSettings = {
  brand_name: "Cedar & Pine",
  message_types: "cart reminders, order updates and offers",
  frequency: "Up to 4 msgs/week",
  terms_url: "https://cedar.example/sms-terms",
  privacy_url: "https://cedar.example/privacy",
  disclosure_version: 3,
};

const signal = <T,>(value: T) => ({ value, subscribe: () => () => {} });

function installShopify({ settings = SETTINGS, phone = "+13125550147" as string | null, checkoutToken = "c1-checkout-token" } = {}) {
  (globalThis as Record<string, unknown>).shopify = {
    settings: signal(settings),
    shop: { name: "Cedar and Pine Outfitters", myshopifyDomain: "cedar.myshopify.com" },
    checkoutToken: signal(checkoutToken),
    sessionToken: { get: async () => "session.jwt.token" },
    buyerIdentity: { phone: signal(phone ?? undefined) },
  };
}

let posts: { url: string; init: RequestInit }[];
beforeEach(() => {
  posts = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    posts.push({ url, init });
    return new Response(JSON.stringify({ outcome: "recorded" }), { status: 200 });
  });
});
afterEach(() => {
  render(null, document.body);
  vi.unstubAllGlobals();
});

async function renderTarget(module: "./ContactStep" | "./ThankYouPage") {
  const { default: run } = await import(module);
  await run();
  return document.body;
}

const checkbox = () => document.body.querySelector("s-consent-checkbox") as HTMLElement & { checked?: boolean };
async function check(box: HTMLElement & { checked?: boolean }, checked = true) {
  box.checked = checked;
  box.dispatchEvent(new Event("change", { bubbles: true }));
  // The post awaits the session token first: let it go out.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("the SMS consent block at the contact step", () => {
  it("offers Shopify's SMS marketing consent checkbox, unchecked", async () => {
    await renderTarget("./ContactStep");

    const box = checkbox();
    expect(box).not.toBeNull();
    expect(box.getAttribute("policy")).toBe("sms-marketing");
    expect(box.hasAttribute("checked") || box.checked === true).toBe(false);
    expect(box.getAttribute("label")).toBe("Text me cart reminders, order updates and offers from Cedar & Pine");
    expect(posts).toEqual([]);
  });

  it("shows the merchant's disclosure beside it: brand, content, frequency, rates, STOP and HELP, terms and privacy", async () => {
    const body = await renderTarget("./ContactStep");

    const text = body.textContent ?? "";
    expect(text).toContain("recurring automated texts from Cedar & Pine (cart reminders, order updates and offers)");
    expect(text).toContain("Up to 4 msgs/week.");
    expect(text).toContain("Msg & data rates may apply.");
    expect(text).toContain("Reply STOP to opt out, HELP for help.");
    expect(text).toContain("Consent is not a condition of purchase.");
    const links = Array.from(body.querySelectorAll("s-link")).map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["SMS terms", "https://cedar.example/sms-terms"],
      ["Privacy policy", "https://cedar.example/privacy"],
    ]);
  });

  it("on check, sends the app the disclosure it showed, signed with the session token, once", async () => {
    const body = await renderTarget("./ContactStep");
    const shownParagraph = body.querySelector("s-text")?.textContent;

    await check(checkbox());
    await check(checkbox(), false);
    await check(checkbox());

    expect(posts).toHaveLength(1);
    const [{ url, init }] = posts;
    expect(url).toBe(`${APP_URL}/api/checkout-consent`);
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer session.jwt.token");
    const sent = JSON.parse(String(init.body));
    expect(sent).toMatchObject({ checkoutToken: "c1-checkout-token", target: "purchase.checkout.contact.render-after", disclosureVersion: 3 });
    expect(sent.disclosureText).toContain(shownParagraph);
    expect(sent.disclosureText).toContain("Terms: https://cedar.example/sms-terms");
  });

  it("sends nothing when the box is unchecked again before anything was checked", async () => {
    await renderTarget("./ContactStep");
    await check(checkbox(), false);
    expect(posts).toEqual([]);
  });

  it("asks for a phone with Shopify's consent phone field when checkout has none", async () => {
    installShopify({ phone: null });
    const body = await renderTarget("./ContactStep");

    expect(checkbox()).toBeNull();
    const field = body.querySelector("s-consent-phone-field") as HTMLElement & { value?: string };
    expect(field.getAttribute("policy")).toBe("sms-marketing");
    field.value = "(312) 555-0147";
    field.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(posts).toHaveLength(1));
  });

  it("keeps the checkout working when the app cannot be reached", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("network down");
    });
    await renderTarget("./ContactStep");
    await expect(check(checkbox())).resolves.toBeUndefined();
  });
});

describe("where the merchant asked for it", () => {
  it("renders nothing at checkout when the merchant chose the thank-you page only, and asks there", async () => {
    installShopify({ settings: { ...SETTINGS, placement: "thank_you_only" } });
    await renderTarget("./ContactStep");
    expect(document.body.innerHTML).toBe("");

    await renderTarget("./ThankYouPage");
    await check(checkbox());
    expect(JSON.parse(String(posts[0].init.body))).toMatchObject({ target: "purchase.thank-you.block.render" });
  });

  it("falls back to the shop's name and a default label without settings", async () => {
    installShopify({ settings: {} });
    const body = await renderTarget("./ContactStep");
    expect(checkbox().getAttribute("label")).toBe("Text me cart reminders, order updates and offers from Cedar and Pine Outfitters");
    expect(body.textContent).toContain("Message frequency varies.");
  });
});

it("posts to the app's application_url from shopify.app.toml", () => {
  const appToml = readFileSync(join(process.cwd(), "shopify.app.toml"), "utf8");
  expect(appToml).toContain(`application_url = "${APP_URL}"`);
});

beforeEach(() => installShopify());
