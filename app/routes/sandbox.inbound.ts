import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError, readJsonBody, requireSandbox } from "~/sandbox/control.server";

const InboundText = z.object({
  from: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +15551234567"),
  text: z.string().max(1600),
  to: z.string().regex(/^\+[1-9]\d{6,14}$/).optional(),
});

// A shopper texts the shop: the double signs a real message.received webhook and posts it to
// the app's Telnyx route; the answer is that route's status and the event's id.
export const action = async ({ request }: ActionFunctionArgs) => {
  const sandbox = requireSandbox();
  if (request.method !== "POST") return jsonError(405, "POST a JSON body");
  const { from, text, to } = await readJsonBody(request, InboundText);
  const { status, eventId } = await sandbox.telnyx.sendInbound({ from, text, to: to ?? sandbox.sendingNumber });
  return Response.json({ status, eventId });
};
