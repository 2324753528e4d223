import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestShopifyWebhook } from "~/webhooks.server";
import { ingestCheckout } from "~/commerce/checkouts.server";
import { messagingDeps } from "~/services.server";

export const action = ({ request }: ActionFunctionArgs) =>
  ingestShopifyWebhook(request, "checkouts/create", (txCtx, input) => ingestCheckout(txCtx, input, messagingDeps));
