// The answers carriers expect to STOP, START, HELP and JOIN (CTIA Messaging Principles):
// each names the brand; opt-ins state what is sent and how often (in the same words as the
// checkout disclosure, disclosure.ts), that rates may apply, and how to stop or get help.
import { brandOf, textingTerms, type TextingShop } from "./disclosure";

type ShopVoice = TextingShop & { helpText: string | null; supportEmail: string | null };

export function optOutConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're unsubscribed and will get no more texts from us. Reply START to resubscribe.`;
}

export function optBackInConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're subscribed again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`;
}

export function helpReply(shop: ShopVoice) {
  if (shop.helpText) return shop.helpText;
  const contact = shop.supportEmail ? ` Questions? ${shop.supportEmail}.` : "";
  return `${brandOf(shop)}: ${textingTerms(shop)}${contact} Msg & data rates may apply. Reply STOP to opt out.`;
}

export function keywordOptInConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're subscribed to ${brandOf(shop)} texts. ${textingTerms(shop)} Msg & data rates may apply. Reply HELP for help, STOP to cancel.`;
}
