// Shop.settings is one JSON object shared by several capabilities, each under its own key
// (cart recovery under "cartRecovery", shipping texts under "shipping", …). A section is read
// through its zod schema, whose defaults fill what the merchant has not set; a write replaces
// only its own key and keeps every other one as it is.
import type { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";

export function readSettingsSection<S extends z.ZodTypeAny>(shop: { settings: string }, key: string, schema: S): z.output<S> {
  const stored = parseSettings(shop.settings)[key];
  const parsed = schema.safeParse(stored ?? {});
  // A section saved by an older version that no longer validates falls back to the defaults
  // rather than stopping the texts it configures.
  return parsed.success ? parsed.data : schema.parse({});
}

export async function writeSettingsSection<S extends z.ZodTypeAny>(
  ctx: AppContext,
  input: { shopId: string; key: string; schema: S; value: z.input<S> },
): Promise<z.output<S>> {
  const section = input.schema.parse(input.value);
  return inTransaction(ctx, async ({ db }) => {
    // Writing first takes the row's lock (PostgreSQL), so two sections saved at once are merged
    // one after the other instead of one overwriting the other.
    const shop = await db.shop.update({ where: { id: input.shopId }, data: { updatedAt: ctx.clock.now() }, select: { settings: true } });
    const settings = { ...parseSettings(shop.settings), [input.key]: section };
    await db.shop.update({ where: { id: input.shopId }, data: { settings: JSON.stringify(settings) } });
    return section;
  });
}

function parseSettings(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type FlowSettingsSave<T> = { saved: true; settings: T } | { saved: false; fieldErrors: Record<string, string> };

/**
 * Saves a flow's section from the merchant's form: every problem named by its field path, and a
 * flow never switched on before the shop can text.
 */
export async function saveFlowSettings<S extends z.ZodType<{ enabled: boolean }, z.ZodTypeDef, unknown>>(
  ctx: AppContext,
  input: { shopId: string; key: string; schema: S; value: unknown; flowName: string },
): Promise<FlowSettingsSave<z.output<S>>> {
  const parsed = input.schema.safeParse(input.value);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { saved: false, fieldErrors };
  }
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: input.shopId } });
  if (parsed.data.enabled && !(shop.telnyxApiKeyEncrypted && shop.sendingNumber)) {
    return { saved: false, fieldErrors: { enabled: `Connect Telnyx in Settings before you turn ${input.flowName} on` } };
  }
  const settings = await writeSettingsSection(ctx, { shopId: input.shopId, key: input.key, schema: input.schema, value: parsed.data });
  return { saved: true, settings };
}
