import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { appContext } from "~/services.server";
import { DISCLOSURE_TARGETS, disclosureToShow, recordShownDisclosure } from "~/commerce/checkout-consent.server";

// The checkout extension asks for the SMS disclosure to show (GET) and posts the one it showed,
// with the checkout's session token.
const ShownDisclosure = z.object({
  checkoutToken: z.string().min(1).max(200),
  target: z.enum(DISCLOSURE_TARGETS),
  disclosureVersion: z.number().int().positive(),
  disclosureText: z.string().trim().min(1).max(2000),
});

async function authenticated(request: Request) {
  try {
    return await authenticate.public.checkout(request);
  } catch (failure) {
    // The library answers preflights, bots and bad tokens with a thrown Response.
    if (failure instanceof Response) return failure;
    throw failure;
  }
}

// The claim names the shop, with or without a scheme.
const shopOf = (dest: string) => dest.replace(/^https?:\/\//, "").split("/")[0];

const notInstalled = () => Response.json({ error: "The shop has not installed Textback" }, { status: 404 });

// Remix hands OPTIONS to the loader too: the library answers the extension's CORS preflight there.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const auth = await authenticated(request);
  if (auth instanceof Response) return auth;
  const disclosure = await disclosureToShow(appContext, shopOf(auth.sessionToken.dest));
  return auth.cors(disclosure ? Response.json(disclosure) : notInstalled());
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const auth = await authenticated(request);
  if (auth instanceof Response) return auth;
  const { sessionToken, cors } = auth;
  const body = ShownDisclosure.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    const fields = [...new Set(body.error.issues.map((issue) => issue.path.join(".") || "body"))];
    return cors(Response.json({ error: `Invalid disclosure: ${fields.join(", ")}` }, { status: 400 }));
  }
  const result = await recordShownDisclosure(appContext, { shopDomain: shopOf(sessionToken.dest), ...body.data });
  if (result.outcome === "unknown_shop") return cors(notInstalled());
  return cors(Response.json({ outcome: result.outcome }));
};
