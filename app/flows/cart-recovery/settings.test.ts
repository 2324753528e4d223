import { describe, expect, it } from "vitest";
import { cartRecoverySettingsOf, CartRecoverySettings, DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "./settings";

const withStep = (index: number, change: Partial<CartRecoverySettings["steps"][number]>) => ({
  ...DEFAULT_CART_RECOVERY,
  steps: DEFAULT_CART_RECOVERY.steps.map((step, i) => (i === index ? { ...step, ...change } : step)),
});

function problems(settings: unknown) {
  const result = CartRecoverySettings.safeParse(settings);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("cart recovery settings", () => {
  it("accepts the defaults, which keep the flow off", () => {
    expect(problems(DEFAULT_CART_RECOVERY)).toEqual([]);
    expect(DEFAULT_CART_RECOVERY.enabled).toBe(false);
  });

  it("refuses a negative delay, an unknown variable and a text past 10 segments, next to the field", () => {
    expect(problems(withStep(1, { delayHours: -1 }))).toContainEqual(expect.stringMatching(/^steps\.1\.delayHours: A delay cannot be negative/));
    expect(problems(withStep(0, { template: "Hi {{frist_name}} {{link}}" }))).toEqual(["steps.0.template: Unknown variable {{frist_name}}; use {{first_name}}, {{product}}, {{link}}, {{discount}}, {{shop}}"]);
    expect(problems(withStep(0, { template: `{{product}} ${"word ".repeat(300)}` }))).toEqual([
      expect.stringMatching(/^steps\.0\.template: With a long cart this text takes 1\d segments; keep it within 10$/),
    ]);
  });

  it("refuses a discount the text does not mention, and steps out of order", () => {
    expect(problems(withStep(0, { discountPercent: 10 }))).toEqual(["steps.0.template: A step with a discount must say it: add {{discount}}"]);
    expect(problems(withStep(2, { delayHours: 12 }))).toEqual(["steps.2.delayHours: Each step comes after the one before"]);
  });

  it("keeps other flows' settings when it writes its own, and falls back to defaults on a broken value", () => {
    const json = withCartRecoverySettings(JSON.stringify({ shipping: { enabled: true } }), { ...DEFAULT_CART_RECOVERY, enabled: true });
    expect(JSON.parse(json).shipping).toEqual({ enabled: true });
    expect(cartRecoverySettingsOf(json).enabled).toBe(true);
    expect(cartRecoverySettingsOf(JSON.stringify({ cartRecovery: { abandonAfterMinutes: -3 } }))).toEqual(DEFAULT_CART_RECOVERY);
    expect(cartRecoverySettingsOf("not json")).toEqual(DEFAULT_CART_RECOVERY);
  });
});
