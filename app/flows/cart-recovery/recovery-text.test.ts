import { describe, expect, it } from "vitest";
import { measureText } from "~/messaging/segments";
import { DEFAULT_CART_RECOVERY } from "./settings";
import { cartSummary, recoveryTarget, renderRecoveryText } from "./recovery-text";

const lines = [
  { title: "Linen shirt", variant: "Blue / M", quantity: 1 },
  { title: "Canvas tote", variant: "Default Title", quantity: 2 },
  { title: "Socks", variant: null, quantity: 1 },
];

describe("recovery texts", () => {
  it("name the first product with its variant and count the rest", () => {
    expect(cartSummary(lines)).toBe("Linen shirt (Blue / M) and 2 more");
    expect(cartSummary(lines.slice(1, 2))).toBe("Canvas tote");
    expect(cartSummary([])).toBe("your cart");
  });

  it("fill the default offer step in plain GSM-7, with the code and the link", () => {
    const text = renderRecoveryText({
      template: DEFAULT_CART_RECOVERY.steps[1].template,
      firstName: "Ana",
      lines,
      link: "https://app.example/r/AbCdEfGh",
      shop: "Acme",
      discount: { code: "TB-ABC", percentage: 10 },
    });
    expect(text).toBe("Ana, still thinking about Linen shirt (Blue / M) and 2 more? Here's 10% off with code TB-ABC, just for you: https://app.example/r/AbCdEfGh");
    expect(measureText(text).encoding).toBe("GSM-7");
  });

  it("send a discount through Shopify's /discount/ path back to the same checkout", () => {
    const checkout = "https://shop.example/123/checkouts/abc/recover?key=k1";
    expect(recoveryTarget(checkout, null)).toBe(checkout);
    expect(recoveryTarget(checkout, "TB-X Y")).toBe("https://shop.example/discount/TB-X%20Y?redirect=%2F123%2Fcheckouts%2Fabc%2Frecover%3Fkey%3Dk1");
  });
});
