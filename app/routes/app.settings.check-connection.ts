import type { ActionFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin.server";
import { appContext, env } from "~/services.server";
import { checkTelnyxConnection } from "~/messaging/telnyx-connection-check.server";
import { recordConnectionCheck } from "~/messaging/telnyx-credentials.server";

// "Check connection" on the settings page: asks Telnyx and says exactly what is wrong.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const check = await checkTelnyxConnection(shop, { encryptionKey: env.TEXTBACK_ENCRYPTION_KEY, env });
  await recordConnectionCheck(appContext, shop.id, check.ok);
  return Response.json(check);
};
