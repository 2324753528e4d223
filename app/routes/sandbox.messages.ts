import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSandbox } from "~/sandbox/control.server";

// Every text the Telnyx double received, oldest first; ?to= narrows to one recipient. An MMS's
// image URLs are its `media` (also as `mediaUrls`, the name Telnyx's request uses).
export const loader = ({ request }: LoaderFunctionArgs) => {
  const sandbox = requireSandbox();
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const messages = sandbox.telnyx
    .messages(to ? { to } : undefined)
    .map(({ id, from, to, text, at, parts, type, media }) => ({ id, from, to, text, at, parts, type, media, mediaUrls: media }));
  return Response.json({ messages });
};
