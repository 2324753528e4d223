import { describe, expect, it } from "vitest";
import { customerHistoryReader } from "./shopify-history-jsonl";

const read = (lines: unknown[]) => {
  const reader = customerHistoryReader();
  for (const line of lines) reader.add(typeof line === "string" ? line : JSON.stringify(line));
  return reader;
};

const ana = {
  id: "gid://shopify/Customer/7",
  firstName: "Ana",
  lastName: " Ruiz ",
  tags: ["VIP", " newsletter", "", "vip"],
  numberOfOrders: "2",
  amountSpent: { amount: "42.5", currencyCode: "USD" },
  defaultPhoneNumber: { phoneNumber: "(312) 555-0111" },
  defaultEmailAddress: { emailAddress: "ana@example.com" },
  smsMarketingConsent: { marketingState: "SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: "2025-01-02T03:04:05Z", consentCollectedFrom: "SHOPIFY" },
};
const order = (id: number, createdAt: string, parent = ana.id) => ({ id: `gid://shopify/Order/${id}`, createdAt, __parentId: parent });

describe("reading the history import's JSONL", () => {
  it("gives each customer their phone in E.164, tags, Shopify's order count and spend, first and last order, and SMS consent", () => {
    const reader = read([ana, order(1, "2025-03-01T10:00:00Z"), order(2, "2025-01-15T10:00:00Z")]);
    expect(reader.customers()).toEqual([
      {
        customerId: "7",
        phone: "+13125550111",
        firstName: "Ana",
        lastName: "Ruiz",
        email: "ana@example.com",
        tags: ["vip", "newsletter"],
        ordersCount: 2,
        totalSpent: "42.5",
        firstOrderAt: new Date("2025-01-15T10:00:00Z"),
        lastOrderAt: new Date("2025-03-01T10:00:00Z"),
        smsConsent: { state: "SUBSCRIBED", optInLevel: "SINGLE_OPT_IN", updatedAt: new Date("2025-01-02T03:04:05Z"), collectedFrom: "SHOPIFY" },
      },
    ]);
    expect(reader.malformed()).toBe(0);
  });

  it("takes orders that come before their customer, counts an order line once, and never fewer orders than it read", () => {
    const [customer] = read([order(1, "2025-03-01T10:00:00Z"), order(1, "2025-03-01T10:00:00Z"), order(2, "2025-04-01T10:00:00Z"), { ...ana, numberOfOrders: "1" }]).customers();
    expect(customer).toMatchObject({ ordersCount: 2, firstOrderAt: new Date("2025-03-01T10:00:00Z"), lastOrderAt: new Date("2025-04-01T10:00:00Z") });
  });

  it("keeps a customer without a valid phone or consent, with null for them, and no order dates without orders", () => {
    const [customer] = read([{ id: "gid://shopify/Customer/8", defaultPhoneNumber: { phoneNumber: "12" }, numberOfOrders: "0", amountSpent: { amount: "0.0" }, tags: [], smsMarketingConsent: null }]).customers();
    expect(customer).toMatchObject({ customerId: "8", phone: null, smsConsent: null, ordersCount: 0, firstOrderAt: null, lastOrderAt: null });
  });

  it("counts lines that are not JSON, not a customer and not an order of one as malformed, and skips blank lines", () => {
    const reader = read(["{not json", "", { id: "gid://shopify/Product/1" }, { id: "gid://shopify/Order/3", __parentId: "gid://shopify/Customer/7" }, ana]);
    expect(reader.malformed()).toBe(3);
    expect(reader.customers()).toHaveLength(1);
  });
});
