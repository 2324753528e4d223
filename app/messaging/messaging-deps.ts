import type { GateSecrets } from "./sender-gate.server";
import type { ShopifyAdminGraphql } from "~/commerce/shopify-sms-consent.server";

// What sending needs from configuration, handed to jobs and routes by the runtime so domain
// code never reads the environment itself.
export interface MessagingDeps {
  secrets: GateSecrets;
  encryptionKey: string;
  env: { TELNYX_BASE_URL?: string; TELNYX_PUBLIC_KEY?: string };
  appUrl: string;
  /** How long one Telnyx request may take (TELNYX_TIMEOUT_MS); default 15 s. */
  timeoutMs?: number;
  /** How long a text may wait in the worker for its send slot before its job retries later; default 3 s. */
  maxSlotWaitMs?: number;
  /** An Admin API client for an installed shop (its offline session); jobs that write to Shopify need it. */
  shopifyAdmin?: (shopDomain: string) => Promise<ShopifyAdminGraphql>;
}
