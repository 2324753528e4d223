// The process-wide services, made once from the environment: the database, the clock and the
// context every domain function receives. Routes and the worker import them from here.
import { parseEnv } from "./env.server";
import { createDb, type Db } from "./db.server";
import { systemClock, VirtualClock, type Clock } from "./clock.server";
import type { AppContext } from "./context.server";
import type { MessagingDeps } from "./messaging/messaging-deps";
import { suppressionHashKey } from "./compliance/suppression-key";
import { createAppJobRegistry } from "./jobs/kinds.server";
import { jobsQueued } from "./jobs/job-signals.server";
import { createDeliveryRecorder } from "./commerce/webhook-deliveries.server";

export const env = parseEnv(process.env);

declare global {
  // Survives module re-evaluation in development so connections are not leaked.
  var textbackDb: Db | undefined;
}

export const db: Db = (globalThis.textbackDb ??= createDb(env.DATABASE_URL));

// The sandbox runs on a virtual clock that its control API moves; production on the real one.
export const clock: Clock = env.TEXTBACK_SANDBOX ? new VirtualClock(new Date()) : systemClock;

export const appContext: AppContext = { db, clock };

const SANDBOX_MAX_SLOT_WAIT_MS = 60_000;

export const messagingDeps: MessagingDeps = {
  secrets: { suppressionHashKey: suppressionHashKey(env.TEXTBACK_ENCRYPTION_KEY) },
  encryptionKey: env.TEXTBACK_ENCRYPTION_KEY,
  env,
  appUrl: env.SHOPIFY_APP_URL,
  timeoutMs: env.TELNYX_TIMEOUT_MS,
  // A job that finds no slot soon retries later on the app's clock, and the sandbox's clock
  // stands still until it is moved: there a text waits in the worker for its slot instead, up
  // to a minute (a clock call waits for it too).
  ...(env.TEXTBACK_SANDBOX && { maxSlotWaitMs: SANDBOX_MAX_SLOT_WAIT_MS }),
  // Imported when first used: shopify.server imports this module.
  shopifyAdmin: async (shopDomain) => {
    const { unauthenticated } = await import("./shopify.server");
    const { admin } = await unauthenticated.admin(shopDomain);
    return admin;
  },
};

export const jobRegistry = createAppJobRegistry(messagingDeps);

// A recorded delivery wakes this process's worker at once rather than at its next poll.
export const deliveryRecorder = createDeliveryRecorder(appContext, { onCommitted: jobsQueued });
