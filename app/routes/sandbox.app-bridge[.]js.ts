import { requireSandbox } from "~/sandbox/control.server";
import { APP_BRIDGE_STAND_IN } from "~/sandbox/app-bridge-stand-in";

// Offline stand-in for Shopify's App Bridge script (which only loads inside the Shopify admin).
export const loader = () => {
  requireSandbox();
  return new Response(APP_BRIDGE_STAND_IN, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" },
  });
};
