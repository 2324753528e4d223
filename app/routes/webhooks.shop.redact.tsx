import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";

export const action = ({ request }: ActionFunctionArgs) => acceptShopifyWebhook(request, "shop/redact");
