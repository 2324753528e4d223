// The merchant's cart recovery flow: validated settings with defaults, kept under
// `cartRecovery` in the shop's settings JSON (other flows keep their own keys there).
import { z } from "zod";
import { measureText } from "~/messaging/segments";
import { MAX_SEGMENTS } from "~/messaging/text-purpose";
import { composeBody } from "~/messaging/compose-body";
import { renderTemplate, unknownVariables } from "../templates";

export const CART_RECOVERY_SETTINGS_KEY = "cartRecovery";
export const RECOVERY_VARIABLES = ["first_name", "product", "link", "discount", "shop"] as const;
export const MAX_RECOVERY_STEPS = 3;

/** A long but realistic cart: what a text must still fit into 10 segments with. */
const LONGEST_SAMPLE = {
  first_name: "Maximiliana",
  product: "Organic cotton relaxed-fit crewneck sweatshirt, heather grey and 12 more",
  link: "https://textback.example.com/r/AbCdEf12",
  discount: "15% off with code TB-ABCDEFGH2345",
  shop: "The Longest Store Name In The Whole World",
};

const Template = z
  .string()
  .trim()
  .min(1, "Write the text of this step")
  .superRefine((template, ctx) => {
    const unknown = unknownVariables(template, RECOVERY_VARIABLES);
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `Unknown variable ${unknown.map((v) => `{{${v}}}`).join(", ")}; use ${RECOVERY_VARIABLES.map((v) => `{{${v}}}`).join(", ")}` });
      return;
    }
    // Measured as sent, brand and opt-out line included.
    const { segments } = measureText(composeBody(renderTemplate(template, LONGEST_SAMPLE), "marketing", LONGEST_SAMPLE.shop, true));
    if (segments > MAX_SEGMENTS) ctx.addIssue({ code: "custom", message: `With a long cart this text takes ${segments} segments; keep it within ${MAX_SEGMENTS}` });
  });

const Step = z
  .object({
    /** Hours after abandonment; the first step goes at abandonment. */
    delayHours: z.number().int("Whole hours").min(0, "A delay cannot be negative").max(24 * 14, "At most 14 days"),
    template: Template,
    discountPercent: z.number().int("A whole percentage").min(0, "At least 0 %").max(50, "At most 50 %"),
  })
  .superRefine((step, ctx) => {
    if (step.discountPercent > 0 && !/\{\{\s*discount\s*\}\}/.test(step.template)) {
      ctx.addIssue({ code: "custom", path: ["template"], message: "A step with a discount must say it: add {{discount}}" });
    }
  });

export const CartRecoverySettings = z
  .object({
    enabled: z.boolean(),
    /** Minutes after the checkout's last update before it counts as abandoned. */
    abandonAfterMinutes: z.number().int("Whole minutes").min(5, "At least 5 minutes").max(7 * 24 * 60, "At most 7 days"),
    steps: z.array(Step).min(1, "Keep at least one step").max(MAX_RECOVERY_STEPS, `At most ${MAX_RECOVERY_STEPS} steps`),
    /** Hours a step's discount code stays valid. */
    discountValidHours: z.number().int().min(1).max(24 * 30),
    attribution: z.object({
      clickWindowDays: z.number().int().min(0).max(30),
      textWindowHours: z.number().int().min(0).max(24 * 7),
    }),
    /** The first product's image with each text: MMS to US and Canadian numbers, SMS elsewhere. */
    attachImage: z.boolean().default(true),
  })
  .superRefine((settings, ctx) => {
    settings.steps.forEach((step, index) => {
      if (index === 0 && step.delayHours !== 0) ctx.addIssue({ code: "custom", path: ["steps", 0, "delayHours"], message: "The first step goes at abandonment (0 hours)" });
      const previous = settings.steps[index - 1];
      if (previous && step.delayHours <= previous.delayHours) {
        ctx.addIssue({ code: "custom", path: ["steps", index, "delayHours"], message: "Each step comes after the one before" });
      }
    });
  });
export type CartRecoverySettings = z.infer<typeof CartRecoverySettings>;

export const DEFAULT_CART_RECOVERY: CartRecoverySettings = {
  // Off until the merchant turns it on: a new shop texts nobody by surprise.
  enabled: false,
  abandonAfterMinutes: 30,
  steps: [
    {
      delayHours: 0,
      template: "{{shop}}: Hi {{first_name}}, you left {{product}} in your cart. Any questions before you check out? {{link}}",
      discountPercent: 0,
    },
    {
      delayHours: 24,
      template: "{{first_name}}, still thinking about {{product}}? Here's {{discount}}, just for you: {{link}}",
      discountPercent: 10,
    },
    {
      delayHours: 48,
      template: "Last call, {{first_name}}: {{discount}} on your cart, today only. {{link}}",
      discountPercent: 15,
    },
  ],
  discountValidHours: 48,
  attribution: { clickWindowDays: 7, textWindowHours: 24 },
  attachImage: true,
};

// Validating measures each template's longest rendering in SMS segments, which costs more
// than the rest of a checkout delivery; a shop's stored settings rarely change, so each
// distinct JSON is validated once.
const validatedSettings = new Map<string, Readonly<CartRecoverySettings>>();
const VALIDATED_SETTINGS_KEPT = 1_000;

/** The shop's flow settings; a stored value that no longer validates falls back to defaults. */
export function cartRecoverySettingsOf(shopSettingsJson: string): Readonly<CartRecoverySettings> {
  const known = validatedSettings.get(shopSettingsJson);
  if (known) return known;
  const stored = parseJsonObject(shopSettingsJson)[CART_RECOVERY_SETTINGS_KEY];
  const parsed = CartRecoverySettings.safeParse({ ...DEFAULT_CART_RECOVERY, ...(isObject(stored) ? stored : {}) });
  const settings = parsed.success ? parsed.data : DEFAULT_CART_RECOVERY;
  if (validatedSettings.size >= VALIDATED_SETTINGS_KEPT) validatedSettings.clear();
  validatedSettings.set(shopSettingsJson, settings);
  return settings;
}

/** The shop's settings JSON with the flow's settings replaced, other keys kept. */
export function withCartRecoverySettings(shopSettingsJson: string, settings: CartRecoverySettings): string {
  return JSON.stringify({ ...parseJsonObject(shopSettingsJson), [CART_RECOVERY_SETTINGS_KEY]: CartRecoverySettings.parse(settings) });
}

function parseJsonObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
