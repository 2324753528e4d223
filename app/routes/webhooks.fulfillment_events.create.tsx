import { fulfillmentWebhookAction } from "~/fulfillment-webhooks.server";

export const action = fulfillmentWebhookAction("fulfillment_events/create");
