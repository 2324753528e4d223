// "Try a shopper message" on the automation page: what would answer this text, and with what,
// decided by the same rules as a real one, without storing or sending anything. It is asked as
// a shopper the shop has never texted.
import { Decimal } from "@prisma/client/runtime/library";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { classifyInboundText, type InboundIntent } from "~/compliance/keywords";
import { helpReply, keywordOptInConfirmation, optBackInConfirmation, optOutConfirmation } from "~/compliance/keyword-replies";
import { readSettingsSection } from "~/settings/shop-settings.server";
import type { Answer } from "./answer";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "./automation-settings";
import { aiAnswersOn, decideAiAnswer } from "~/conversations/ai/answer-with-ai.server";
import { chooseAnswer } from "./choose-answer.server";
import { handOffMessage } from "./route-inbound.server";

export interface AnswerPreview extends Omit<Answer, "answeredBy" | "reply"> {
  answeredBy: Answer["answeredBy"] | "compliance keyword";
  reply: string;
}

const COMPLIANCE_REPLIES: Record<InboundIntent, (shop: Shop) => string> = {
  opt_out: optOutConfirmation,
  opt_in: optBackInConfirmation,
  help: helpReply,
  keyword_opt_in: keywordOptInConfirmation,
};

export async function previewAnswer(ctx: AppContext, shop: Shop, text: string, encryptionKey: string): Promise<AnswerPreview> {
  const { intent } = classifyInboundText(text, {
    optInKeywords: shop.optInKeywords.split(",").map((k) => k.trim()).filter(Boolean),
    optedOut: false,
  });
  if (intent) return { answeredBy: "compliance keyword", reply: COMPLIANCE_REPLIES[intent](shop), needsPerson: false };
  const settings = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  const input = { shop, contact: strangerOf(shop), conversation: { pendingQuestion: null }, text, settings };
  const chosen = await chooseAnswer(ctx, input);
  // A real text would have the model asked by a job once nothing else answered; here it is asked at once.
  const answer = chosen.handoffReason === "unclear" && aiAnswersOn(input) ? ((await decideAiAnswer(ctx, input, encryptionKey)) ?? chosen) : chosen;
  const { followUp: _queuedOnlyForRealTexts, ...shown } = answer;
  return { ...shown, reply: answer.reply ?? handOffMessage(shop, settings, ctx.clock.now()) };
}

// A shopper with no orders and no history: only what the text says decides the answer.
function strangerOf(shop: Shop): Contact {
  const now = new Date(0);
  return {
    id: "preview", createdAt: now, updatedAt: now, shopId: shop.id, phone: "+10000000000", firstName: null, lastName: null, email: null,
    shopifyCustomerId: null, ianaTimezone: null, timezoneSource: null, marketingConsent: false, transactionalConsent: false, optedOutAt: null,
    suppressedAt: null, consentSource: null, ordersCount: 0, totalSpent: new Decimal(0), firstOrderAt: null, lastOrderAt: null,
    countryCode: null, provinceCode: null, lastRepliedAt: null, lastClickedAt: null, lastAbandonedAt: null,
  };
}
