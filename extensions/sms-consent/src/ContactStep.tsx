import "@shopify/ui-extensions/preact";
import { renderSmsConsent } from "./SmsConsent";

// purchase.checkout.contact.render-after (Shopify Plus).
export default () => renderSmsConsent("checkout");
