// An order a shopper named that the stored orders cannot show is theirs (never stored: placed
// before install, or its webhook lost; or stored without their phone), looked up in Shopify by
// name with the Admin API, in a job of its own: the inbound text is routed inside its ingest
// transaction, and a call to Shopify must not hold that open (on SQLite the Admin client's
// session read would even wait for it). The job texts the answer, or hands the thread to a person.
import { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";
import type { ShopifyAdminGraphql } from "~/commerce/shopify-sms-consent.server";
import { toE164 } from "~/commerce/shopify-payloads";
import { isEndedFulfillment } from "~/flows/shipping/fulfillment-payloads";
import { describeOrder, type Parcel } from "~/flows/shipping/order-status.server";
import { errorSummary, logger } from "~/logger.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { requestText } from "~/messaging/outbound.server";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { HandoffReason } from "./answer";
import { askForOrderNumber } from "./pending-question";
import { settledByAnswer } from "./route-inbound.server";

export const LOOK_UP_ORDER_JOB = "look-up-order-in-shopify";

export const ShopifyLookup = z.object({
  shopId: z.string(),
  contactId: z.string(),
  orderName: z.string(),
  /** A stored order has the name but not the shopper's phone. */
  stored: z.boolean(),
});
export type ShopifyLookup = z.infer<typeof ShopifyLookup>;

const log = logger.child({ component: "order-lookup" });

/** One reply whether the order is someone else's or none at all, so a guess reveals nothing. */
export function unmatchedOrderReply(orderName: string) {
  return `We couldn't match order ${orderName} to your phone number, so a member of our team will look into it. If the order number has a typo, reply with the right one.`;
}

export async function answerFromShopify(ctx: AppContext, lookup: ShopifyLookup, deps: Pick<MessagingDeps, "shopifyAdmin" | "secrets">) {
  const [shop, contact] = await Promise.all([
    ctx.db.shop.findUnique({ where: { id: lookup.shopId } }),
    ctx.db.contact.findFirst({ where: { id: lookup.contactId, shopId: lookup.shopId } }),
  ]);
  if (!shop || shop.uninstalledAt || !contact) return;
  const answer = await orderAnswer(shop, contact, lookup, deps);
  await inTransaction(ctx, async (txCtx) => {
    const conversation = await txCtx.db.conversation.findFirst({ where: { contactId: contact.id }, orderBy: { lastMessageAt: "desc" } });
    // A person took the thread meanwhile: the answer is theirs to give.
    if (!conversation || (conversation.takenOverAt && conversation.state !== "closed")) return;
    await requestText(txCtx, { shopId: shop.id, to: contact.phone, body: answer.reply, purpose: "conversational" }, deps.secrets);
    if (!answer.handoffReason) {
      if (conversation.state === "needs_reply" && settledByAnswer(conversation.handoffReason)) {
        await txCtx.db.conversation.update({ where: { id: conversation.id }, data: { state: "open", handoffReason: null } });
      }
      return;
    }
    const now = txCtx.clock.now();
    await txCtx.db.conversation.update({
      where: { id: conversation.id },
      data: { state: "needs_reply", handoffReason: answer.handoffReason, pendingQuestion: askForOrderNumber(now), lastAutoAckAt: now },
    });
  });
}

async function orderAnswer(
  shop: Shop,
  contact: Contact,
  lookup: ShopifyLookup,
  deps: Pick<MessagingDeps, "shopifyAdmin">,
): Promise<{ reply: string; handoffReason?: HandoffReason }> {
  const unmatched = (handoffReason: HandoffReason) => ({ reply: unmatchedOrderReply(lookup.orderName), handoffReason });
  try {
    if (!deps.shopifyAdmin) throw new Error("No Shopify Admin client is configured (MessagingDeps.shopifyAdmin)");
    const found = await findShopifyOrder(await deps.shopifyAdmin(shop.domain), lookup.orderName);
    if (found && isShopifyOrderOf(found, contact)) return { reply: describeShopifyOrder(found, shop.ianaTimezone) };
    return unmatched(lookup.stored || found ? "order_not_verified" : "order_not_found");
  } catch (error) {
    // Shopify could not say: a person looks it up rather than the shopper waiting on retries.
    log.warn({ shop: shop.domain, err: errorSummary(error) }, "order look-up in Shopify failed");
    return unmatched(lookup.stored ? "order_not_verified" : "needs_team");
  }
}

// Shopify's search matches names loosely; the exact name is picked from a few.
const ORDERS_BY_NAME = `#graphql
  query OrdersByName($query: String!) {
    orders(first: 5, query: $query) {
      nodes {
        name
        phone
        email
        customer {
          defaultPhoneNumber { phoneNumber }
          defaultEmailAddress { emailAddress }
        }
        fulfillments(first: 10) {
          status
          displayStatus
          deliveredAt
          trackingInfo(first: 1) { company url }
        }
      }
    }
  }`;

const ShopifyOrder = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  customer: z
    .object({
      defaultPhoneNumber: z.object({ phoneNumber: z.string() }).nullable(),
      defaultEmailAddress: z.object({ emailAddress: z.string() }).nullable(),
    })
    .nullable(),
  fulfillments: z.array(
    z.object({
      status: z.string(),
      displayStatus: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      trackingInfo: z.array(z.object({ company: z.string().nullable(), url: z.string().nullable() })),
    }),
  ),
});
type ShopifyOrder = z.infer<typeof ShopifyOrder>;

const OrdersByNameResponse = z.object({ data: z.object({ orders: z.object({ nodes: z.array(ShopifyOrder) }) }) });

// A shopper is waiting for the answer.
const LOOKUP_TIMEOUT_MS = 10_000;

/** The order named `name` ("#1043"), or null when the shop has none. Throws when Shopify cannot say. */
async function findShopifyOrder(admin: ShopifyAdminGraphql, name: string): Promise<ShopifyOrder | null> {
  // shopify-app-remix's client takes an AbortSignal beside the variables.
  const options = { variables: { query: `name:${name}` }, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) };
  const response = await admin.graphql(ORDERS_BY_NAME, options);
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status} to the orders search`);
  const body = OrdersByNameResponse.parse(await response.json());
  return body.data.orders.nodes.find((order) => sameName(order.name, name)) ?? null;
}

const sameName = (a: string, b: string) => a.replace(/^#/, "").toLowerCase() === b.replace(/^#/, "").toLowerCase();

/** The order's phone or its customer's is the contact's; an order with no phone goes by email. */
function isShopifyOrderOf(order: ShopifyOrder, contact: Pick<Contact, "phone" | "email">): boolean {
  const phones = [order.phone, order.customer?.defaultPhoneNumber?.phoneNumber].map((phone) => toE164(phone)).filter(Boolean);
  if (phones.length > 0) return phones.includes(contact.phone);
  const email = contact.email?.trim().toLowerCase();
  const emails = [order.email, order.customer?.defaultEmailAddress?.emailAddress].map((e) => e?.trim().toLowerCase());
  return Boolean(email) && emails.includes(email);
}

function describeShopifyOrder(order: ShopifyOrder, timeZone: string): string {
  return describeOrder(order.name, parcelOf(order), timeZone);
}

// The newest fulfillment on its way: shipped (SUCCESS) or carrying a tracking link.
function parcelOf(order: ShopifyOrder): Parcel | undefined {
  const fulfillment = [...order.fulfillments]
    .reverse()
    .find((f) => !isEndedFulfillment(f.status.toLowerCase()) && (f.status === "SUCCESS" || f.trackingInfo.length > 0));
  if (!fulfillment) return undefined;
  const tracking = fulfillment.trackingInfo[0];
  return {
    // FulfillmentDisplayStatus in the stored shipment_status's spelling: DELIVERED → delivered.
    shipmentStatus: fulfillment.displayStatus?.toLowerCase() ?? null,
    trackingCompany: tracking?.company ?? null,
    trackingUrl: tracking?.url ?? null,
    deliveredAt: fulfillment.deliveredAt ? new Date(fulfillment.deliveredAt) : null,
  };
}
