import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { appContext, messagingDeps } from "~/services.server";
import { requestSignUp, SIGN_UP_PLACEMENTS, type SignUpOutcome } from "~/flows/sign-up/sign-up-requests.server";
import { verifiedStorefrontRequest } from "~/storefront-proxy.server";

// POST /apps/textback/subscribe on the storefront: a phone typed into the sign-up form.
const SignUpBody = z.object({
  phone: z.string().trim().min(1).max(40),
  disclosureVersion: z.coerce.number().int().positive(),
  pageUrl: z.string().trim().url().max(2000).optional(),
  placement: z.enum(SIGN_UP_PLACEMENTS).default("popup"),
});

// The same answer whether the number is new, subscribed or opted out (sign-up-requests.server.ts).
const ANSWERS: Record<SignUpOutcome["outcome"], [number, Record<string, string>]> = {
  pending: [200, { status: "pending", message: "Almost done: reply Y to the text we just sent to confirm." }],
  invalid_phone: [400, { error: "Enter a valid mobile number", field: "phone" }],
  disclosure_changed: [409, { error: "The form's terms have changed; please review them and try again" }],
  rate_limited: [429, { error: "Too many sign-ups from here; please try again later" }],
  disabled: [404, { error: "Text sign-up is off for this shop" }],
  unknown_shop: [404, { error: "The shop has not installed Textback" }],
};

async function bodyOf(request: Request): Promise<unknown> {
  if (request.headers.get("content-type")?.includes("application/json")) return request.json().catch(() => null);
  return Object.fromEntries(await request.formData().catch(() => new FormData()));
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const storefront = await verifiedStorefrontRequest(request);
  if (storefront instanceof Response) return storefront;
  const body = SignUpBody.safeParse(await bodyOf(request));
  if (!body.success) {
    const field = body.error.issues[0]!.path.join(".") || "body";
    return Response.json({ error: `Invalid ${field}`, field }, { status: 400 });
  }
  const result = await requestSignUp(appContext, { shopDomain: storefront.shopDomain, ip: storefront.ip, pageUrl: null, ...body.data }, messagingDeps);
  const [status, answer] = ANSWERS[result.outcome];
  const headers = result.outcome === "rate_limited" ? { "Retry-After": String(result.retryAfterMs / 1000) } : undefined;
  return Response.json(answer, { status, headers });
};
