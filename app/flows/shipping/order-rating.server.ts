// Some days after delivery: "How would you rate your order? Reply 1–5". The question is left
// open on the conversation, so inbound routing reads the next "4" as a rating; a happy
// shopper gets the review link, an unhappy one an apology and a person.
import { inTransaction, type AppContext } from "~/context.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { renderTemplate } from "~/flows/templates";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { readPendingQuestion, serializePendingQuestion, type PendingQuestion } from "~/conversations/routing/pending-question";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "./shipping-settings";
import { loadShipmentForTexts, shipmentTemplateValues, textableContact } from "./shipment-context.server";
import { SHIPPING_FLOW } from "./shipping-texts.server";

const RATING_FLOW_STEP = 5;
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

export async function requestOrderRating(ctx: AppContext, input: { shipmentId: string }, deps: MessagingDeps) {
  const shipment = await loadShipmentForTexts(ctx, input.shipmentId);
  if (!shipment) return;
  const settings = readSettingsSection(shipment.shop, SHIPPING_SETTINGS_KEY, ShippingSettings);
  const contact = await textableContact(ctx, shipment);
  if (!settings.enabled || !settings.rating.enabled || !contact) return;
  await inTransaction(ctx, async (txCtx) => {
    const latest = await txCtx.db.conversation.findFirst({ where: { contactId: contact.id }, orderBy: { lastMessageAt: "desc" } });
    const asked = readPendingQuestion(latest?.pendingQuestion ?? null, txCtx.clock.now());
    if (asked?.shipmentId === shipment.id) return;
    const message = await requestText(
      txCtx,
      {
        shopId: shipment.shopId,
        to: contact.phone,
        body: renderTemplate(settings.rating.question, shipmentTemplateValues(shipment, contact)),
        purpose: "transactional",
        flow: SHIPPING_FLOW,
        flowStep: RATING_FLOW_STEP,
        firstInFlow: true,
      },
      deps.secrets,
    );
    if (message.status === "refused" || !message.conversationId) return;
    const question = { kind: "order_rating" as const, shipmentId: shipment.id, orderName: shipment.orderName, askedAt: txCtx.clock.now().toISOString() };
    await txCtx.db.conversation.update({ where: { id: message.conversationId }, data: { pendingQuestion: serializePendingQuestion(question) } });
  });
}

/** 1–5 from a reply such as "5", "4/5", "3 stars" or "five!"; null when the text is something else. */
export function ratingIn(text: string): number | null {
  const match = text
    .trim()
    .toLowerCase()
    .match(/^([1-5]|one|two|three|four|five)\s*(?:\/\s*5|out of 5|stars?)?\s*[.!]*$/);
  if (!match) return null;
  return WORDS[match[1]] ?? Number(match[1]);
}

export interface RatingAnswer {
  reply: string;
  /** A poor rating is for a person to follow up. */
  needsPerson: boolean;
}

export function answerToRating(shop: Shop, contact: Contact, question: PendingQuestion, rating: number): RatingAnswer {
  const settings = readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings).rating;
  const values = {
    first_name: contact.firstName ?? undefined,
    order_name: question.orderName ?? undefined,
    review_url: shop.reviewUrl ?? undefined,
    shop_name: shop.brandName ?? shop.name,
  };
  if (rating <= 3) return { reply: renderTemplate(settings.apology, values), needsPerson: true };
  // Without a review link the thanks is all there is to say.
  const reply = shop.reviewUrl ? renderTemplate(settings.thanks, values) : "Thank you for rating your order!";
  return { reply, needsPerson: false };
}
