import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

// Shopify opens the app at its root with shop/host parameters; the pages live under /app.
export const loader = ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  return redirect(`/app${url.search}`);
};
