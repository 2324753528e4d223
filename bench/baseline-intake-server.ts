// The floor for webhook intake: a bare node:http server that does only what every delivery
// must — read the body, check Shopify's HMAC, insert the WebhookEvent row with the app's own
// Prisma client and the same INSERT … ON CONFLICT DO NOTHING — and answers 200. No Remix, no
// Shopify library, no checkout, contact or job. The bench runs it beside the app to see what
// the app's extra work costs on this machine, in this run.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createDb } from "../app/db.server";

const db = createDb(process.env.DATABASE_URL!);
const secret = process.env.SHOPIFY_API_SECRET!;
const shopIds = new Map<string, string | null>();

async function shopIdFor(domain: string) {
  if (!shopIds.has(domain)) {
    const shop = await db.shop.findUnique({ where: { domain }, select: { id: true } });
    shopIds.set(domain, shop?.id ?? null);
  }
  return shopIds.get(domain)!;
}

function signatureMatches(body: Buffer, signature: string | undefined) {
  if (!signature) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (req.url === "/healthz") return res.end("ok");
  const body = Buffer.concat(chunks);
  if (!signatureMatches(body, req.headers["x-shopify-hmac-sha256"] as string | undefined)) {
    res.writeHead(401).end("Invalid webhook signature");
    return;
  }
  const shopDomain = String(req.headers["x-shopify-shop-domain"] ?? "");
  const shopId = await shopIdFor(shopDomain);
  const now = new Date();
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "createdAt", "updatedAt", "shopId", "source", "externalId",
                                "topic", "shopDomain", "payload", "receivedAt")
    VALUES (${randomUUID()}, ${now}, ${now}, ${shopId}, ${"shopify"}, ${String(req.headers["x-shopify-webhook-id"])},
            ${String(req.headers["x-shopify-topic"])}, ${shopDomain}, ${body.toString("utf8")}, ${now})
    ON CONFLICT ("source", "externalId") DO NOTHING`;
  res.writeHead(200).end();
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => {
  server.close();
  void db.$disconnect().then(() => process.exit(0));
});
