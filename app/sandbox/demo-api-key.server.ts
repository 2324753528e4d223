// The demo shop's API key, fixed and public like the rest of the sandbox's credentials, so the
// README's curl examples and outside checks work against any sandbox. Stored as any key is: by
// its hash.
import type { AppContext } from "~/context.server";
import { ensureApiKey } from "~/marketing/api-keys.server";

export const SANDBOX_DEMO_API_KEY = "tb_sandbox_demo";

export function seedDemoApiKey(ctx: AppContext, shopId: string) {
  return ensureApiKey(ctx, shopId, "Sandbox demo key", SANDBOX_DEMO_API_KEY);
}
