import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { ingestOrder } from "~/commerce/orders.server";

export const action = ({ request }: ActionFunctionArgs) => ingestShopifyWebhook(request, "orders/create", ingestOrder);
