import type { ActionFunctionArgs } from "@remix-run/node";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { requireAdmin } from "~/admin.server";
import { appContext, messagingDeps } from "~/services.server";
import { sendTestMessage } from "~/messaging/test-message.server";
import { messageOutcome } from "~/messaging/gate-reasons";

// Settings → "Send a test message" posts one of the shop's test numbers here.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staffUserId } = await requireAdmin(request);
  const form = await request.formData();
  const phone = parsePhoneNumberFromString(String(form.get("phone") ?? ""), "US");
  if (!phone?.isValid()) return Response.json({ error: "Enter a valid mobile number" }, { status: 400 });
  const sent = await sendTestMessage(appContext, { shopId: shop.id, to: phone.number, staffUserId }, messagingDeps);
  if (sent.outcome === "not_a_test_number") {
    return Response.json({ error: `${phone.number} is not one of your test numbers: add it under “Test numbers” first` }, { status: 400 });
  }
  return Response.json({ message: messageOutcome(sent.message) });
};
