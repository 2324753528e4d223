// Rows the tests start from. Each call makes its own shop, so files sharing a database never
// see each other's data.
import { randomUUID } from "node:crypto";
import { TEST_ENCRYPTION_KEY } from "./outbound-messages";
import type { AppContext } from "~/context.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { DEFAULT_TELNYX_DOUBLE_API_KEY } from "~/sandbox/telnyx-double.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { uniquePhone } from "./sandbox-client";

export function testMessagingDeps(telnyxApiBaseUrl: string): MessagingDeps {
  return {
    secrets: { suppressionHashKey: suppressionHashKey(TEST_ENCRYPTION_KEY) },
    encryptionKey: TEST_ENCRYPTION_KEY,
    env: { TELNYX_BASE_URL: telnyxApiBaseUrl },
    // Nothing listens here: status webhooks are not part of these tests.
    appUrl: "http://127.0.0.1:9",
  };
}

/**
 * Inbound texts find their shop by its number, so two shops of the shared database must never
 * share one: drawn from 10,000 numbers, the files' shops met often enough that a test's
 * replies were stored under another file's shop.
 */
export async function createShop({ db }: AppContext, overrides: Record<string, unknown> = {}) {
  return db.shop.create({
    data: {
      domain: `test-${randomUUID().slice(0, 8)}.myshopify.com`,
      name: "Test Outfitters",
      brandName: "Test Outfitters",
      ianaTimezone: "America/Chicago",
      telnyxApiKeyEncrypted: encryptSecret(DEFAULT_TELNYX_DOUBLE_API_KEY, TEST_ENCRYPTION_KEY),
      sendingNumber: uniquePhone("773"),
      ...overrides,
    },
  });
}

export async function contactWithConsent(
  ctx: AppContext,
  shopId: string,
  phone: string,
  scope: "marketing" | "transactional" = "marketing",
) {
  await recordConsentEvent(ctx, {
    shopId,
    phone,
    scope,
    granted: true,
    source: "checkout",
    text: "Text me with news and offers",
    // A subscriber who was on the list already, not a new opt-in: no welcome series.
    welcome: false,
  });
  return ctx.db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
}
