import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { updateGrantedScopes } from "~/commerce/app-lifecycle.server";

export const action = ({ request }: ActionFunctionArgs) =>
  acceptShopifyWebhook(request, "app/scopes_update", ({ shop, payload }, txCtx) =>
    updateGrantedScopes(txCtx, shop, (payload as { current?: string[] }).current ?? []),
  );
