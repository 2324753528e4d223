import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { SmsConsent } from "./SmsConsent";

// purchase.checkout.contact.render-after (Shopify Plus).
export default async () => {
  render(<SmsConsent page="checkout" />, document.body);
};
