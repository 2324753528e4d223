import type { LoaderFunctionArgs } from "@remix-run/node";
import { appContext } from "~/services.server";
import { signUpForm } from "~/flows/sign-up/sign-up-form.server";
import { verifiedStorefrontRequest } from "~/storefront-proxy.server";

// GET /apps/textback/form on the storefront: what the sign-up form shows (extensions/sms-signup).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const storefront = await verifiedStorefrontRequest(request);
  if (storefront instanceof Response) return storefront;
  const form = await signUpForm(appContext, storefront.shopDomain);
  if (!form) return Response.json({ error: "The shop has not installed Textback" }, { status: 404 });
  // The merchant's changes reach visitors within a minute.
  return Response.json(form, { headers: { "Cache-Control": "private, max-age=60" } });
};
