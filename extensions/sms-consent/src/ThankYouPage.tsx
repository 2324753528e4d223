import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { SmsConsent } from "./SmsConsent";

// purchase.thank-you.block.render (every plan).
export default async () => {
  render(<SmsConsent page="thank_you" />, document.body);
};
