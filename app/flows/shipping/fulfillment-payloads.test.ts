import { describe, expect, it } from "vitest";
import {
  destinationPhone,
  FulfillmentEventPayload,
  FulfillmentPayload,
  milestoneOfEvent,
  milestoneOfFulfillment,
  orderNameOf,
  parseShopifyBody,
} from "./fulfillment-payloads";

const fulfillment = (fields: Record<string, unknown>) =>
  FulfillmentPayload.parse({ id: "1", order_id: "2", status: "success", ...fields });

describe("fulfillment payloads", () => {
  it("keeps every digit of Shopify's 64-bit ids", () => {
    const raw = '{"id": 1234567, "fulfillment_id": 5432109876543210987, "order_id": 820982911946154508, "status": "delivered"}';
    const parsed = parseShopifyBody(raw, FulfillmentEventPayload, "fulfillment_events/create");
    expect(parsed).toMatchObject({ success: true, data: { id: "1234567", fulfillment_id: "5432109876543210987", order_id: "820982911946154508" } });
  });

  it("says which fields are missing from a body that is not a fulfillment", () => {
    expect(parseShopifyBody('{"id": 1}', FulfillmentPayload, "fulfillments/create")).toEqual({
      success: false,
      reason: "not a fulfillments/create body (order_id, status)",
    });
    expect(parseShopifyBody("{", FulfillmentPayload, "fulfillments/create")).toEqual({ success: false, reason: "the body is not JSON" });
  });

  it.each([
    [{ status: "success" }, "shipped"],
    [{ status: "pending", tracking_number: "1Z" }, "shipped"],
    [{ status: "pending" }, null],
    [{ status: "success", shipment_status: "out_for_delivery" }, "out_for_delivery"],
    [{ status: "success", shipment_status: "delivered" }, "delivered"],
    [{ status: "success", shipment_status: "label_printed" }, "shipped"],
    [{ status: "cancelled", tracking_number: "1Z" }, null],
  ])("%j is the milestone %j", (fields, milestone) => {
    expect(milestoneOfFulfillment(fulfillment(fields))).toBe(milestone);
  });

  it.each([
    ["in_transit", "shipped"],
    ["out_for_delivery", "out_for_delivery"],
    ["attempted_delivery", "attempted_delivery"],
    ["delivered", "delivered"],
    ["label_printed", null],
    ["failure", null],
  ])("a carrier event %j is the milestone %j", (status, milestone) => {
    expect(milestoneOfEvent(FulfillmentEventPayload.parse({ id: 1, fulfillment_id: 2, order_id: 3, status }))).toBe(milestone);
  });

  it("names the order from its fulfillment and reads the destination phone as E.164", () => {
    expect(orderNameOf("#1001.2")).toBe("#1001");
    expect(destinationPhone({ phone: "(312) 555-0142", country_code: "US" })).toBe("+13125550142");
    expect(destinationPhone({ phone: "555-555-SHIP", country_code: "US" })).toBeNull();
    expect(destinationPhone(null)).toBeNull();
  });
});
