// The order in which automation tries to answer a shopper's text; the first answerer with an
// answer wins, and a text nobody can answer goes to a person. The inbound router sends what is
// chosen; the try-a-message box on the Automation page shows it without sending.
import type { AppContext } from "~/context.server";
import { answerWithAiLater } from "~/conversations/ai/answer-with-ai.server";
import type { Contact, Conversation, Shop } from "../../../prisma/generated/sqlite/index.js";
import { answerToRating, ratingIn } from "~/flows/shipping/order-rating.server";
import { crossSellAfterRating } from "~/flows/cross-sell/cross-sell-trigger.server";
import { answerWelcomePreference } from "~/flows/welcome/welcome-answer.server";
import { handOff, type Answer } from "./answer";
import type { AutomationSettings } from "./automation-settings";
import { answerFromFaq } from "./faq-answers.server";
import { handOffWhenAsked } from "./hand-off";
import { answerKeyword } from "./merchant-keywords.server";
import { answerOrderInText, answerPendingOrderNumber } from "./order-lookup.server";
import { readPendingQuestion } from "./pending-question";

export interface AnswerInput {
  shop: Shop;
  contact: Contact;
  conversation: Pick<Conversation, "pendingQuestion">;
  text: string;
  settings: AutomationSettings;
  /** The stored inbound text this answers (none in the try-a-message box). */
  inboundMessageId?: string;
}

type Answerer = (ctx: AppContext, input: AnswerInput) => Answer | null | Promise<Answer | null>;

const ANSWERERS: Answerer[] = [
  answerPendingRating,
  answerWelcomePreference,
  answerPendingOrderNumber,
  answerMerchantKeyword,
  (_ctx, input) => handOffWhenAsked(input.text),
  answerOrderInText,
  (ctx, input) => (input.settings.faqAnswers ? answerFromFaq(ctx, input) : null),
  answerWithAiLater,
];

export async function chooseAnswer(ctx: AppContext, input: AnswerInput): Promise<Answer> {
  for (const answerer of ANSWERERS) {
    const answer = await answerer(ctx, input);
    if (answer) return answer;
  }
  return handOff("unclear");
}

function answerPendingRating(ctx: AppContext, input: AnswerInput): Answer | null {
  const question = readPendingQuestion(input.conversation.pendingQuestion, ctx.clock.now());
  const rating = question?.kind === "order_rating" ? ratingIn(input.text) : null;
  if (!question || rating === null) return null;
  const { reply, needsPerson } = answerToRating(input.shop, input.contact, question, rating);
  // A good rating is what the cross-sell waits for when the rating flow is on.
  const followUp = question.shipmentId ? crossSellAfterRating(input.shop, question.shipmentId, rating) : undefined;
  return {
    answeredBy: "rating",
    reply,
    needsPerson,
    pendingQuestion: null,
    ...(needsPerson && { handoffReason: "low_rating" }),
    ...(followUp && { followUp }),
  };
}

async function answerMerchantKeyword(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  const answer = await answerKeyword(ctx, input);
  if (!answer) return null;
  return { answeredBy: "keyword", ...answer, ...(answer.needsPerson && { handoffReason: answer.handoffReason ?? "needs_team" }) };
}
