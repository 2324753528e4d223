// Signed checkouts/update deliveries for autocannon: Shopify's documented payload with a fresh
// webhook id, checkout token and shopper phone per request (the phone makes the app create a
// contact and schedule the recovery flow, as for a real abandoned checkout).
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Request as CannonRequest } from "autocannon";

const fixture = readFileSync(new URL("../../../shared/fixtures/shopify/checkouts-update.json", import.meta.url), "utf8");

function must(text: string, find: string) {
  if (!text.includes(find)) throw new Error(`The checkouts/update fixture no longer contains ${find}`);
  return text;
}

// Edited as text so Shopify's 64-bit ids stay exactly as documented.
const template = [`"token": "123123123"`, `checkouts/123123123/`, `"phone": null`, `"updated_at": "2021-12-31T19:00:00-05:00"`, `"buyer_accepts_sms_marketing": false`]
  .reduce(must, fixture)
  .replace(`"buyer_accepts_sms_marketing": false`, `"buyer_accepts_sms_marketing": %CONSENT%`)
  .replace(`"token": "123123123"`, `"token": "%TOKEN%"`)
  .replace(`checkouts/123123123/`, `checkouts/%TOKEN%/`)
  .replace(`"phone": null`, `"phone": "%PHONE%"`)
  .replace(`"updated_at": "2021-12-31T19:00:00-05:00"`, `"updated_at": "%UPDATED%"`);

let sequence = 0;

export interface DeliveryOptions {
  /** The shopper ticked Shopify's SMS marketing box (the delivery then also records consent). */
  smsConsent?: boolean;
}

export function checkoutDelivery(secret: string, shop: string, options: DeliveryOptions = {}) {
  sequence += 1;
  const token = randomUUID().replaceAll("-", "");
  // Chicago numbers 312-200-0000 onwards: valid, and a new shopper for each delivery.
  const phone = `+1312${2_000_000 + (sequence % 7_000_000)}`;
  const body = template
    .replaceAll("%TOKEN%", token)
    .replace("%PHONE%", phone)
    .replace("%CONSENT%", String(options.smsConsent ?? false))
    .replace("%UPDATED%", new Date().toISOString());
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "checkouts/update",
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2025-10",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-triggered-at": new Date().toISOString(),
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    },
  };
}

/** One autocannon request definition that signs a new delivery each time it is sent. */
export function signedCheckoutRequests(secret: string, shop: string, options: DeliveryOptions = {}): CannonRequest[] {
  return [
    {
      method: "POST",
      path: "/webhooks/checkouts/update",
      setupRequest: (request) => ({ ...request, ...checkoutDelivery(secret, shop, options) }),
    },
  ];
}
