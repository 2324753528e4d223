import type { ActionFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin.server";
import { env } from "~/services.server";
import { checkTelnyxConnection } from "~/messaging/telnyx-connection-check.server";

// "Check connection" on the settings page: asks Telnyx and says exactly what is wrong.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return Response.json(await checkTelnyxConnection(shop, { encryptionKey: env.TEXTBACK_ENCRYPTION_KEY, env }));
};
