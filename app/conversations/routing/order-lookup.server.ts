// Order questions answered with the order the shopper names: "where is #1043", or just "1043"
// after automation asked for the number. The order is looked up in the stored orders first,
// then in Shopify (orders(query:), in a job: order-lookup-shopify.server.ts), and described
// only to its own shopper: the order's phone or its customer's must be the one texting (or, for
// an order with no phone, its email the contact's). Anyone else hears the same reply as for a
// number that does not exist, learns nothing about the order, and the thread goes to a person.
import type { AppContext } from "~/context.server";
import { describeShipments } from "~/flows/shipping/order-status.server";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { Answer } from "./answer";
import type { AnswerInput } from "./choose-answer.server";
import { LOOK_UP_ORDER_JOB, type ShopifyLookup } from "./order-lookup-shopify.server";
import { orderNameOf, orderNumberAskedAbout, orderNumberGiven } from "./order-number";
import { readPendingQuestion } from "./pending-question";

/** "1043" after "Reply with your order number": that order, and the question is answered. */
export async function answerPendingOrderNumber(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  const question = readPendingQuestion(input.conversation.pendingQuestion, ctx.clock.now());
  const number = question?.kind === "order_number" ? orderNumberGiven(input.text) : null;
  if (!number) return null;
  const answer = await answerAboutOrder(ctx, input, number);
  return { pendingQuestion: null, ...answer };
}

/** "where is #1043", "status of order 1043", "order 1043?" */
export async function answerOrderInText(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  const number = orderNumberAskedAbout(input.text);
  if (!number) return null;
  const answer = await answerAboutOrder(ctx, input, number);
  // A number asked for and sent inside a question is as good as a bare one.
  const askedForNumber = readPendingQuestion(input.conversation.pendingQuestion, ctx.clock.now())?.kind === "order_number";
  return askedForNumber ? { pendingQuestion: null, ...answer } : answer;
}

async function answerAboutOrder(ctx: AppContext, { shop, contact }: { shop: Shop; contact: Contact }, number: string): Promise<Answer> {
  const orderName = orderNameOf(number);
  const stored = await storedOrder(ctx, shop, contact, orderName);
  if (stored?.theirs) return { answeredBy: "order lookup", reply: stored.reply, needsPerson: false };
  // Shopify knows the orders the app never stored, and the customer's phone and email too. Every
  // order not shown to be theirs here goes this way, stored or not, so a stranger cannot tell
  // the two apart by the texts they get.
  const lookup: ShopifyLookup = { shopId: shop.id, contactId: contact.id, orderName, stored: stored !== null };
  return {
    answeredBy: "order lookup",
    reply: `One moment, we're looking up order ${orderName}.`,
    needsPerson: false,
    followUp: { job: LOOK_UP_ORDER_JOB, payload: lookup },
  };
}

// The order by its name, or its shipments alone when a fulfillment arrived before the order.
async function storedOrder(ctx: AppContext, shop: Shop, contact: Contact, orderName: string) {
  const order = await ctx.db.order.findFirst({ where: { shopId: shop.id, name: orderName } });
  const shipments = await ctx.db.shipment.findMany({
    where: { shopId: shop.id, ...(order ? { shopifyOrderId: order.shopifyOrderId } : { orderName }) },
    orderBy: { updatedAt: "desc" },
  });
  if (!order && shipments.length === 0) return null;
  const theirs = order ? order.contactId === contact.id || order.phone === contact.phone : shipments.some((s) => s.phone === contact.phone);
  return { theirs, reply: describeShipments(orderName, shipments, shop.ianaTimezone) };
}
