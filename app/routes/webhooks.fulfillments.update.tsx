import { fulfillmentWebhookAction } from "~/fulfillment-webhooks.server";

export const action = fulfillmentWebhookAction("fulfillments/update");
