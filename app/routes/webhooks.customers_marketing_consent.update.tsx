import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { ingestShopifySmsConsent } from "~/commerce/shopify-sms-consent.server";

// A shopper's SMS consent changed in Shopify: recorded in the consent ledger with the delivery.
export const action = ({ request }: ActionFunctionArgs) =>
  ingestShopifyWebhook(request, "customers_marketing_consent/update", ingestShopifySmsConsent);
