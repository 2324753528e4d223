import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { markShopUninstalled } from "~/commerce/app-lifecycle.server";

export const action = ({ request }: ActionFunctionArgs) =>
  acceptShopifyWebhook(request, "app/uninstalled", ({ shop }, txCtx) => markShopUninstalled(txCtx, shop));
