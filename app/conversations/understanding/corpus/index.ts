// The project's corpus of shopper texts by intent: what the classifier learns before any shop
// adds its own phrasings. Written for this project; eval/faq/README.md says how and when.
import type { Intent } from "../intents";
import care from "./care";
import changeOrder from "./change-order";
import complaint from "./complaint";
import discountNotWorking from "./discount-not-working";
import discounts from "./discounts";
import exchanges from "./exchanges";
import greeting from "./greeting";
import internationalShipping from "./international-shipping";
import none from "./none";
import orderStatus from "./order-status";
import payment from "./payment";
import refunds from "./refunds";
import returns from "./returns";
import shippingCost from "./shipping-cost";
import shippingTime from "./shipping-time";
import sizing from "./sizing";
import stock from "./stock";
import talkToPerson from "./talk-to-person";
import thanks from "./thanks";

export const INTENT_CORPUS: Readonly<Record<Intent, readonly string[]>> = {
  order_status: orderStatus,
  shipping_time: shippingTime,
  shipping_cost: shippingCost,
  international_shipping: internationalShipping,
  returns,
  exchanges,
  refunds,
  sizing,
  discounts,
  discount_not_working: discountNotWorking,
  change_order: changeOrder,
  payment,
  care,
  stock,
  talk_to_person: talkToPerson,
  complaint,
  greeting,
  thanks,
  none,
};
