import "@shopify/ui-extensions/preact";
import { renderSmsConsent } from "./SmsConsent";

// purchase.thank-you.block.render (every plan).
export default () => renderSmsConsent("thank_you");
