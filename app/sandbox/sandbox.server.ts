// The offline world the sandbox app lives in: a Telnyx double on a local port, Shopify's Admin
// API answered by MSW handlers, a virtual clock and an installed demo shop.
import type { AppContext } from "~/context.server";
import type { Env } from "~/env.server";
import { VirtualClock } from "~/clock.server";
import { useSandboxTelnyx } from "~/messaging/telnyx-endpoint.server";
import { DEFAULT_TELNYX_DOUBLE_API_KEY, startTelnyxDouble, type TelnyxDouble } from "./telnyx-double.server";
import { createShopifyAdminDouble, type ShopifyAdminDouble } from "./shopify-admin-double.server";
import { installDemoShop, SANDBOX_SENDING_NUMBER } from "./demo-data.server";

const SANDBOX_MESSAGING_PROFILE_ID = "40017f8e-49bd-4f4f-8bd4-0d1e5a4db0a1";

export interface Sandbox {
  clock: VirtualClock;
  telnyx: TelnyxDouble;
  shopifyAdmin: ShopifyAdminDouble;
  sendingNumber: string;
  describe(): string[];
  stop(): Promise<void>;
}

let current: Sandbox | undefined;

export function currentSandbox(): Sandbox | undefined {
  return current;
}

export async function startSandbox(ctx: AppContext, { port, env }: { port: number; env: Env }): Promise<Sandbox> {
  if (!(ctx.clock instanceof VirtualClock)) throw new Error("The sandbox needs the virtual clock");
  const clock = ctx.clock;
  const now = () => clock.now();
  const telnyx = await startTelnyxDouble({
    now,
    // Signatures are transport security, checked against real time like any token.
    signatureClock: () => new Date(),
    appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`,
    profileWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`,
    ownedNumbers: [SANDBOX_SENDING_NUMBER],
    messagingProfileId: SANDBOX_MESSAGING_PROFILE_ID,
  });
  useSandboxTelnyx({ baseURL: telnyx.apiBaseUrl, publicKey: telnyx.publicKeyBase64 });
  const shopifyAdmin = createShopifyAdminDouble({ now });
  const uninstallAdminDouble = shopifyAdmin.install();
  await installDemoShop(ctx, {
    scopes: env.SCOPES,
    encryptionKey: env.TEXTBACK_ENCRYPTION_KEY,
    telnyxApiKey: DEFAULT_TELNYX_DOUBLE_API_KEY,
    messagingProfileId: SANDBOX_MESSAGING_PROFILE_ID,
    numberType: env.SANDBOX_NUMBER_TYPE,
  });
  current = {
    clock,
    telnyx,
    shopifyAdmin,
    sendingNumber: SANDBOX_SENDING_NUMBER,
    describe: () => [
      `Sandbox clock:      ${clock.now().toISOString()} (virtual)`,
      `Telnyx double:      ${env.TELNYX_BASE_URL ?? telnyx.apiBaseUrl} (sending number ${SANDBOX_SENDING_NUMBER}, ${env.SANDBOX_NUMBER_TYPE})`,
      "Shopify Admin API:  answered offline by the sandbox",
    ],
    async stop() {
      uninstallAdminDouble();
      await telnyx.close();
      current = undefined;
    },
  };
  return current;
}
