// look-up-order-in-shopify: an order a shopper named by number, looked up with the Admin API
// outside the inbound text's transaction, and the answer texted.
import { answerFromShopify, LOOK_UP_ORDER_JOB, ShopifyLookup } from "~/conversations/routing/order-lookup-shopify.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

export function lookUpOrderJob(deps: MessagingDeps) {
  return defineJob({
    kind: LOOK_UP_ORDER_JOB,
    parsePayload: (raw) => ShopifyLookup.parse(raw),
    run: (ctx, lookup) => answerFromShopify(ctx, lookup, deps),
  });
}
