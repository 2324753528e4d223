import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { ingestCheckout } from "~/commerce/checkouts.server";

export const action = ({ request }: ActionFunctionArgs) => ingestShopifyWebhook(request, "checkouts/create", ingestCheckout);
