// The shopper's answer to the welcome question, for inbound routing's chain of answerers: a
// choice it names tags the contact and gets the choice's reply; anything else is not an answer,
// and the rest of the chain (keywords, FAQ, a person) takes the text like any other.
import type { AppContext } from "~/context.server";
import type { Answer } from "~/conversations/routing/answer";
import type { AnswerInput } from "~/conversations/routing/choose-answer.server";
import { readPendingQuestion } from "~/conversations/routing/pending-question";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { WELCOME_SETTINGS_KEY, WelcomeSettings } from "./welcome-settings";
import { choiceIn, choiceReply } from "./welcome-texts";

export function answerWelcomePreference(ctx: AppContext, input: AnswerInput): Answer | null {
  const question = readPendingQuestion(input.conversation.pendingQuestion, ctx.clock.now());
  if (question?.kind !== "welcome_preference") return null;
  const settings = readSettingsSection(input.shop, WELCOME_SETTINGS_KEY, WelcomeSettings);
  const choice = choiceIn(input.text, settings.choices);
  if (!choice) return null;
  const reply = choiceReply(choice, { firstName: input.contact.firstName, shop: input.shop.brandName ?? input.shop.name });
  return { answeredBy: "welcome", reply, needsPerson: false, pendingQuestion: null, tags: [choice.tag] };
}
