// The welcome series' words: the question, the choice a reply names, and the offer. Pure, so the
// Flows page's live preview renders exactly what the flow sends, with sample values.
import { renderTemplate } from "../templates";
import { renderOfferText, SAMPLE_VALUES, type OfferTextValues } from "../flow-offer";
import type { WelcomeSettings } from "./welcome-settings";

type Choice = WelcomeSettings["choices"][number];

export interface WelcomeValues {
  firstName: string | null;
  shop: string;
}

export function welcomeQuestion(settings: WelcomeSettings, values: WelcomeValues): string {
  return renderTemplate(settings.question, { first_name: values.firstName ?? undefined, shop: values.shop });
}

export function choiceReply(choice: Choice, values: WelcomeValues): string {
  return renderTemplate(choice.reply, { first_name: values.firstName ?? undefined, shop: values.shop });
}

export function welcomeOffer(settings: WelcomeSettings, values: OfferTextValues): string {
  return renderOfferText(settings.offerTemplate, values);
}

// "Women's", "womens" and "women" are one answer: lower case, letters and digits only, without a
// plural or possessive s.
const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/s$/, "");

/**
 * The choice a reply names: its number ("2", "2.", "#2") or its label in any of its spellings;
 * null for anything else, which is left to the rest of inbound routing.
 */
export function choiceIn(text: string, choices: readonly Choice[]): Choice | null {
  const trimmed = text.trim();
  const number = trimmed.match(/^#?\s*(\d)\s*[.!)]*$/);
  if (number) return choices[Number(number[1]) - 1] ?? null;
  const said = normalized(trimmed);
  if (!said) return null;
  return choices.find((choice) => normalized(choice.label) === said) ?? null;
}

/** Every text of the series with sample values, for the Flows page's live preview. */
export function previewWelcome(settings: WelcomeSettings, shop: string) {
  const values = { firstName: SAMPLE_VALUES.firstName, shop };
  return {
    question: welcomeQuestion(settings, values),
    replies: settings.choices.map((choice) => ({ label: choice.label, tag: choice.tag, reply: choiceReply(choice, values) })),
    offer: welcomeOffer(settings, { ...values, link: SAMPLE_VALUES.link, discount: SAMPLE_VALUES.discount(settings.offer.percent) }),
  };
}
