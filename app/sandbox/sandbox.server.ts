// The offline world the sandbox app lives in: a Telnyx double and a chat API double on local
// ports, Shopify's Admin API answered by MSW handlers, a virtual clock and an installed demo shop.
import type { AppContext } from "~/context.server";
import type { Env } from "~/env.server";
import { VirtualClock } from "~/clock.server";
import { useSandboxTelnyx } from "~/messaging/telnyx-endpoint.server";
import { DEFAULT_TELNYX_DOUBLE_API_KEY, startTelnyxDouble, type TelnyxDouble } from "./telnyx-double.server";
import { createShopifyAdminDouble, type ShopifyAdminDouble } from "./shopify-admin-double.server";
import { installDemoShop, SANDBOX_SENDING_NUMBER, seedDemoShopifyHistory } from "./demo-data.server";
import { seedDemoProducts } from "./demo-products";
import { DEFAULT_CHAT_API_DOUBLE_KEY, startChatApiDouble, type ChatApiDouble } from "./chat-api-double.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { readSettingsSection, writeSettingsSection } from "~/settings/shop-settings.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "~/conversations/routing/automation-settings";

const SANDBOX_MESSAGING_PROFILE_ID = "40017f8e-49bd-4f4f-8bd4-0d1e5a4db0a1";

export interface Sandbox {
  clock: VirtualClock;
  telnyx: TelnyxDouble;
  chatApi: ChatApiDouble;
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
  seedDemoShopifyHistory(shopifyAdmin);
  seedDemoProducts(shopifyAdmin);
  const shop = await installDemoShop(ctx, {
    scopes: env.SCOPES,
    encryptionKey: env.TEXTBACK_ENCRYPTION_KEY,
    telnyxApiKey: DEFAULT_TELNYX_DOUBLE_API_KEY,
    messagingProfileId: SANDBOX_MESSAGING_PROFILE_ID,
    numberType: env.SANDBOX_NUMBER_TYPE,
  });
  const chatApi = await startChatApiDouble({ now });
  await pointAiAnswersAtDouble(ctx, shop.id, chatApi, env.TEXTBACK_ENCRYPTION_KEY);
  current = {
    clock,
    telnyx,
    chatApi,
    shopifyAdmin,
    sendingNumber: SANDBOX_SENDING_NUMBER,
    describe: () => [
      `Sandbox clock:      ${clock.now().toISOString()} (virtual)`,
      `Telnyx double:      ${env.TELNYX_BASE_URL ?? telnyx.apiBaseUrl} (sending number ${SANDBOX_SENDING_NUMBER}, ${env.SANDBOX_NUMBER_TYPE})`,
      `Chat API double:    ${chatApi.apiBaseUrl} (AI answers, off until switched on in Settings)`,
      "Shopify Admin API:  answered offline by the sandbox",
    ],
    async stop() {
      uninstallAdminDouble();
      await telnyx.close();
      await chatApi.close();
      current = undefined;
    },
  };
  return current;
}

// Set again at every start, since the double's port changes: the demo shop's AI answers talk to
// the double with a sealed sandbox key, and stay off (or on) as the merchant left them.
async function pointAiAnswersAtDouble(ctx: AppContext, shopId: string, chatApi: ChatApiDouble, encryptionKey: string) {
  await ctx.db.shop.update({ where: { id: shopId }, data: { chatApiKeyEncrypted: encryptSecret(DEFAULT_CHAT_API_DOUBLE_KEY, encryptionKey) } });
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const automation = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  const value = { ...automation, ai: { ...automation.ai, baseUrl: chatApi.apiBaseUrl } };
  await writeSettingsSection(ctx, { shopId, key: AUTOMATION_SETTINGS_KEY, schema: AutomationSettings, value });
}
