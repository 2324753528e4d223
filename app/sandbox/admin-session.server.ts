// In the sandbox nothing stands in front of /app to hand the page a session token, so this
// mints the token Shopify's admin would have sent (HS256, signed with the app's secret) and
// lets the real authenticate.admin check it. Only ever called when TEXTBACK_SANDBOX is on.
import { createHmac, randomUUID } from "node:crypto";
import { isbot } from "isbot";
import { SANDBOX_SHOP_DOMAIN, SANDBOX_STAFF_USER_ID } from "./demo-shop";

const A_BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

function base64url(value: string | Buffer) {
  return Buffer.from(value).toString("base64url");
}

export function mintSessionToken(apiKey: string, apiSecret: string, shop = SANDBOX_SHOP_DOMAIN) {
  // Token validity is checked against real time by the Shopify library, not the sandbox clock.
  const issuedAt = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: apiKey,
      sub: SANDBOX_STAFF_USER_ID,
      exp: issuedAt + 60,
      nbf: issuedAt - 5,
      iat: issuedAt,
      jti: randomUUID(),
      sid: "sandbox-session",
    }),
  );
  const signature = createHmac("sha256", apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

// A new request without the body, so the route's action can still read the original one.
// Shopify answers 410 to bots; curl and headless browsers look like bots, and in the sandbox
// they are how people and checks look at the pages.
export function withSandboxSessionToken(
  request: Request,
  env: { SHOPIFY_API_KEY: string; SHOPIFY_API_SECRET: string },
): Request {
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${mintSessionToken(env.SHOPIFY_API_KEY, env.SHOPIFY_API_SECRET)}`);
  if (isbot(headers.get("user-agent") ?? "")) headers.set("user-agent", A_BROWSER);
  return new Request(request.url, { method: request.method, headers });
}
