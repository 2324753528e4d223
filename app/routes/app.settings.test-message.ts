import type { ActionFunctionArgs } from "@remix-run/node";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { requireAdmin } from "~/admin.server";
import { appContext, messagingDeps } from "~/services.server";
import { sendTestMessage } from "~/messaging/test-message.server";
import { messageOutcome } from "~/messaging/gate-reasons";

// Settings → "Send a test message" posts a phone number here.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const form = await request.formData();
  const phone = parsePhoneNumberFromString(String(form.get("phone") ?? ""), "US");
  if (!phone?.isValid()) return Response.json({ error: "Enter a valid mobile number" }, { status: 400 });
  const message = await sendTestMessage(appContext, { shopId: shop.id, to: phone.number, staffUserId }, messagingDeps);
  return Response.json({ message: messageOutcome(message) });
};
