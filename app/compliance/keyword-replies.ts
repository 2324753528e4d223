// The answers carriers expect to STOP, START, HELP and JOIN (CTIA Messaging Principles):
// each names the brand; opt-ins state what is sent, how often, that rates may apply, and how
// to stop or get help.
interface ShopVoice {
  name: string;
  brandName: string | null;
  helpText: string | null;
  supportEmail: string | null;
  marketingCapPerWeek: number;
}

const brandOf = (shop: ShopVoice) => shop.brandName ?? shop.name;

export function optOutConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're unsubscribed and will get no more texts from us. Reply START to resubscribe.`;
}

export function optBackInConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're subscribed again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`;
}

export function helpReply(shop: ShopVoice) {
  if (shop.helpText) return shop.helpText;
  const contact = shop.supportEmail ? ` Questions? ${shop.supportEmail}.` : "";
  return `${brandOf(shop)}: Cart reminders, order updates and offers, up to ${shop.marketingCapPerWeek} msgs/week.${contact} Msg & data rates may apply. Reply STOP to opt out.`;
}

export function keywordOptInConfirmation(shop: ShopVoice) {
  return `${brandOf(shop)}: You're subscribed to ${brandOf(shop)} texts: cart reminders, order updates and offers, up to ${shop.marketingCapPerWeek} msgs/week. Msg & data rates may apply. Reply HELP for help, STOP to cancel.`;
}
