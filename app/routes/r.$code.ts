import type { LoaderFunctionArgs } from "@remix-run/node";
import { followTrackedLink } from "~/flows/links.server";
import { appContext } from "~/services.server";

// A tracked link from a text: counted, then redirected to the address stored for its code.
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await followTrackedLink(appContext, params.code ?? "");
  if (!target) return new Response("This link is not valid.", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
