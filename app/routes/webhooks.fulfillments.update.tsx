import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { fulfillmentIngestion } from "~/flows/shipping/fulfillment-updates.server";

const TOPIC = "fulfillments/update";

export const action = ({ request }: ActionFunctionArgs) => ingestShopifyWebhook(request, TOPIC, fulfillmentIngestion(TOPIC));
