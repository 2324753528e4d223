import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { fulfillmentIngestion } from "~/flows/shipping/fulfillment-updates.server";

const TOPIC = "fulfillment_events/create";

export const action = ({ request }: ActionFunctionArgs) => ingestShopifyWebhook(request, TOPIC, fulfillmentIngestion(TOPIC));
