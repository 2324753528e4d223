// @vitest-environment happy-dom
// The theme extension's script (extensions/sms-signup/assets/sms-signup.js) in a page: what it
// shows from the app's answer, what it posts, and that it stays away once closed or used. The
// app proxy is answered at the HTTP boundary (fetch); the script itself runs as the theme loads it.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";

const SCRIPT = readFileSync("extensions/sms-signup/assets/sms-signup.js", "utf8");
const LOCALE = JSON.parse(readFileSync("extensions/sms-signup/locales/en.default.json", "utf8")).sms_signup as Record<string, string>;
const BLOCK = readFileSync("extensions/sms-signup/blocks/sms-signup.liquid", "utf8");
const FORM = {
  enabled: true,
  placement: "popup",
  delaySeconds: 0,
  exitIntent: true,
  headline: "Get 10% off your first order",
  body: "Join our text list.",
  disclosure: { label: "Text me offers from Demo", paragraph: "By checking this box you agree to receive texts. Reply STOP to opt out.", version: 3 },
};

let posted: { url: string; body: Record<string, unknown> }[];
let formRequests: number;

const PENDING = { status: "pending", message: "Almost done: reply Y to the text we just sent to confirm." };

function serve(form: object) {
  posted = [];
  formRequests = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === "/apps/textback/form") return formRequests++, Response.json(form);
      if (url === "/apps/textback/subscribe") return posted.push({ url, body: JSON.parse(String(init!.body)) }), Response.json(PENDING);
      return new Response(null, { status: 404 });
    }),
  );
}

// A page load: the block's mount point as Liquid renders it for an English shopper, then the script.
function loadPage() {
  const words = [...BLOCK.matchAll(/(data-[\w-]+)="\{\{ '(sms_signup\.\w+)' \| t \}\}"/g)].map(([, attribute, key]) => {
    const text = LOCALE[key.replace("sms_signup.", "")];
    expect(text, key).toBeDefined();
    return ` ${attribute}="${text}"`;
  });
  expect(words).toHaveLength(Object.keys(LOCALE).length);
  document.body.innerHTML = `<div id="textback-sms-signup" data-proxy="/apps/textback"${words.join("")} hidden></div>`;
  new Function(SCRIPT)();
}

// A page the app answers with `form`, once the script has fetched it.
async function visit(form: object) {
  serve(form);
  loadPage();
  await settled();
}

// The script's fetches and its zero-second timer run on the event loop.
const settled = () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => new Promise((resolve) => setTimeout(resolve, 0)));
const root = () => document.getElementById("textback-sms-signup")!;
const panelOpen = () => !root().hidden && root().classList.contains("textback-signup--open");

function fillIn(phone: string, agree: boolean) {
  (root().querySelector('input[type="tel"]') as HTMLInputElement).value = phone;
  (root().querySelector('input[type="checkbox"]') as HTMLInputElement).checked = agree;
  root().querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
}

beforeEach(() => {
  localStorage.clear();
});

describe("the storefront sign-up form's script", () => {
  it("opens with the app's words and disclosure, and posts the phone with the disclosure's version, the page and the placement", async () => {
    await visit(FORM);
    expect(panelOpen()).toBe(true);
    for (const words of [FORM.headline, FORM.body, FORM.disclosure.label, FORM.disclosure.paragraph]) expect(root().textContent).toContain(words);

    fillIn("(312) 555-0142", true);
    await settled();
    expect(posted).toEqual([{ url: "/apps/textback/subscribe", body: { phone: "(312) 555-0142", disclosureVersion: 3, pageUrl: location.href, placement: "popup" } }]);
    expect(root().textContent).toContain("reply Y");
  });

  it("posts nothing until the disclosure's box is ticked", async () => {
    await visit(FORM);
    fillIn("(312) 555-0142", false);
    await settled();
    expect(posted).toEqual([]);
    expect(root().textContent).toContain("Tick the box");
  });

  it("does not show again to a visitor who signed up", async () => {
    await visit(FORM);
    fillIn("(312) 555-0142", true);
    await settled();

    await visit(FORM);
    expect(formRequests).toBe(0);
    expect(root().hidden).toBe(true);
  });

  it("closes, and stays closed on the next page", async () => {
    await visit(FORM);
    (root().querySelector(".textback-signup__close") as HTMLButtonElement).click();
    expect(root().hidden).toBe(true);

    loadPage();
    await settled();
    expect(formRequests).toBe(1);
    expect(root().hidden).toBe(true);
  });

  it("waits for exit intent or the delay, and as a teaser for the visitor's click", async () => {
    await visit({ ...FORM, delaySeconds: 120 });
    expect(panelOpen()).toBe(false);
    document.dispatchEvent(new MouseEvent("mouseout", { clientY: -5, relatedTarget: null }));
    expect(panelOpen()).toBe(true);

    localStorage.clear();
    await visit({ ...FORM, placement: "teaser" });
    expect(panelOpen()).toBe(false);
    (root().querySelector(".textback-signup__tab") as HTMLButtonElement).click();
    expect(panelOpen()).toBe(true);
  });

  it("shows nothing when the shop has the form off", async () => {
    await visit({ enabled: false });
    expect(root().hidden).toBe(true);
    expect(root().children).toHaveLength(0);
  });
});
