// Renders the extension's real entry modules with preact into a DOM, with a stand-in for the
// `shopify` global Shopify gives extensions, and a recording fetch in place of the network.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { APP_URL } from "./app-url";
import type { ConsentSettings } from "./disclosure";

const SETTINGS: ConsentSettings = {
  terms_url: "https://cedar.example/sms-terms",
  privacy_url: "https://cedar.example/privacy",
};

// What the app answers: the words it built from the shop's settings.
const WORDING = {
  label: "Text me cart reminders, offers and order updates from Cedar & Pine",
  paragraph:
    "By checking this box you agree to receive recurring automated texts from Cedar & Pine at the number provided. Consent is not a condition of purchase. " +
    "Cart reminders and offers: up to 2 msgs/day and 4 msgs/week. Order updates when your order ships and arrives, outside that limit. Msg & data rates may apply. Reply STOP to opt out, HELP for help.",
  version: 3,
};

const signal = <T,>(value: T) => ({ value, subscribe: () => () => {} });

function installShopify({ settings = SETTINGS as ConsentSettings, phone = "+13125550147" as string | null, checkoutToken = "c1-checkout-token" } = {}) {
  (globalThis as Record<string, unknown>).shopify = {
    settings: signal(settings),
    checkoutToken: signal(checkoutToken),
    sessionToken: { get: async () => "session.jwt.token" },
    buyerIdentity: { phone: signal(phone ?? undefined) },
  };
}

let requests: { url: string; init: RequestInit }[];
const posts = () => requests.filter((request) => request.init.method === "POST");
beforeEach(() => {
  requests = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    requests.push({ url, init });
    const body = init.method === "POST" ? { outcome: "recorded" } : WORDING;
    return new Response(JSON.stringify(body), { status: 200 });
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
  it("offers Shopify's SMS marketing consent checkbox, unchecked, labelled by the app", async () => {
    await renderTarget("./ContactStep");

    const box = checkbox();
    expect(box).not.toBeNull();
    expect(box.getAttribute("policy")).toBe("sms-marketing");
    expect(box.hasAttribute("checked") || box.checked === true).toBe(false);
    expect(box.getAttribute("label")).toBe(WORDING.label);
    expect(posts()).toEqual([]);
  });

  it("asks the app for the disclosure with the session token and shows it, with the merchant's terms and privacy links", async () => {
    const body = await renderTarget("./ContactStep");

    expect(requests.map(({ url, init }) => [url, (init.headers as Record<string, string>).Authorization])).toEqual([
      [`${APP_URL}/api/checkout-consent`, "Bearer session.jwt.token"],
    ]);
    expect(body.querySelector("s-text")?.textContent).toBe(WORDING.paragraph);
    const links = Array.from(body.querySelectorAll("s-link")).map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["SMS terms", "https://cedar.example/sms-terms"],
      ["Privacy policy", "https://cedar.example/privacy"],
    ]);
  });

  it("on check, sends the app exactly the words it showed, signed with the session token, once", async () => {
    await renderTarget("./ContactStep");

    await check(checkbox());
    await check(checkbox(), false);
    await check(checkbox());

    expect(posts()).toHaveLength(1);
    const [{ url, init }] = posts();
    expect(url).toBe(`${APP_URL}/api/checkout-consent`);
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer session.jwt.token");
    expect(JSON.parse(String(init.body))).toEqual({
      checkoutToken: "c1-checkout-token",
      target: "purchase.checkout.contact.render-after",
      disclosureVersion: 3,
      disclosureText: `${WORDING.label}\n${WORDING.paragraph}\nTerms: https://cedar.example/sms-terms Privacy: https://cedar.example/privacy`,
    });
  });

  it("sends nothing when the box is unchecked again before anything was checked", async () => {
    await renderTarget("./ContactStep");
    await check(checkbox(), false);
    expect(posts()).toEqual([]);
  });

  it("asks for a phone with Shopify's consent phone field when checkout has none", async () => {
    installShopify({ phone: null });
    const body = await renderTarget("./ContactStep");

    expect(checkbox()).toBeNull();
    const field = body.querySelector("s-consent-phone-field") as HTMLElement & { value?: string };
    expect(field.getAttribute("policy")).toBe("sms-marketing");
    field.value = "(312) 555-0147";
    field.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
  });

  it("shows no consent box when the app cannot be reached: no words it cannot vouch for", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("network down");
    });
    const body = await renderTarget("./ContactStep");
    expect(body.innerHTML).toBe("");
  });
});

describe("where the merchant asked for it", () => {
  it("renders nothing at checkout when the merchant chose the thank-you page only, and asks there", async () => {
    installShopify({ settings: { ...SETTINGS, placement: "thank_you_only" } });
    await renderTarget("./ContactStep");
    expect(document.body.innerHTML).toBe("");

    await renderTarget("./ThankYouPage");
    await check(checkbox());
    expect(JSON.parse(String(posts()[0].init.body))).toMatchObject({ target: "purchase.thank-you.block.render" });
  });
});

it("posts to the app's application_url from shopify.app.toml", () => {
  const appToml = readFileSync(join(process.cwd(), "shopify.app.toml"), "utf8");
  expect(appToml).toContain(`application_url = "${APP_URL}"`);
});

beforeEach(() => installShopify());
