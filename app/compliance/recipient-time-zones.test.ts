import { describe, expect, it } from "vitest";
import { recipientTimeZones, stateOfDescription } from "./recipient-time-zones.server";

const shopTimeZone = "America/Denver";
const NEW_YORK_PHONE = "+12125550123";
const MIAMI_PHONE = "+13055550123";
const TORONTO_PHONE = "+14165550123";

describe("zones from the shipping address", () => {
  it("uses the ZIP's zone over the phone's: people keep their numbers when they move", async () => {
    const found = await recipientTimeZones({
      phone: NEW_YORK_PHONE,
      shippingAddress: { countryCode: "US", provinceCode: "IL", zip: "60601" },
      shopTimeZone,
    });
    expect(found).toEqual({ zones: ["America/Chicago"], source: "address", stateCode: "IL", stateCodes: ["IL", "NY"] });
  });

  it("puts Evansville, Indiana on Central time and accepts ZIP+4", async () => {
    const found = await recipientTimeZones({ phone: NEW_YORK_PHONE, shippingAddress: { countryCode: "us", zip: "47708-1234" }, shopTimeZone });
    expect(found.zones).toEqual(["America/Chicago"]);
  });

  it("knows Puerto Rico, Hawaii and Alaska addresses", async () => {
    const zonesOf = async (countryCode: string, zip: string) =>
      (await recipientTimeZones({ phone: NEW_YORK_PHONE, shippingAddress: { countryCode, zip }, shopTimeZone })).zones;
    expect(await zonesOf("PR", "00901")).toEqual(["America/Puerto_Rico"]);
    expect(await zonesOf("US", "96813")).toEqual(["Pacific/Honolulu"]);
    expect(await zonesOf("US", "99501")).toEqual(["America/Anchorage"]);
  });

  it("uses a one-zone country's zone whatever the phone says", async () => {
    const found = await recipientTimeZones({ phone: NEW_YORK_PHONE, shippingAddress: { countryCode: "FR", zip: "75001" }, shopTimeZone });
    expect(found).toEqual({ zones: ["Europe/Paris"], source: "address", stateCode: "NY", stateCodes: ["NY"] });
  });

  it("lets a phone from a many-zone country say which zone, and otherwise honours them all", async () => {
    const canada = { countryCode: "CA", provinceCode: "ON", zip: "M5V 2T6" };
    expect(await recipientTimeZones({ phone: TORONTO_PHONE, shippingAddress: canada, shopTimeZone })).toMatchObject({
      zones: ["America/Toronto"],
      source: "phone",
    });
    const withUsPhone = await recipientTimeZones({ phone: NEW_YORK_PHONE, shippingAddress: canada, shopTimeZone });
    expect(withUsPhone.source).toBe("address");
    expect(withUsPhone.zones).toEqual(expect.arrayContaining(["America/St_Johns", "America/Toronto", "America/Vancouver"]));
  });

  it("falls back to the phone when the ZIP is unknown or missing", async () => {
    for (const shippingAddress of [{ countryCode: "US", zip: "00000" }, { countryCode: "US" }, { zip: "60601" }, null]) {
      expect(await recipientTimeZones({ phone: NEW_YORK_PHONE, shippingAddress, shopTimeZone })).toMatchObject({
        zones: ["America/New_York"],
        source: "phone",
      });
    }
  });
});

describe("zones from the phone number", () => {
  it.each([
    ["+18085550123", ["Pacific/Honolulu"]],
    ["+19075550123", ["America/Adak", "America/Anchorage"]],
    ["+13125550123", ["America/Chicago"]],
    ["+919812345678", ["Asia/Calcutta"]],
  ])("%s → %j", async (phone, zones) => {
    expect(await recipientTimeZones({ phone, shopTimeZone })).toMatchObject({ zones, source: "phone" });
  });

  it("uses the shop's zone for numbers that are not tied to a place or not real", async () => {
    for (const phone of ["+18005550123", "+15555550100", "not a phone"]) {
      expect(await recipientTimeZones({ phone, shopTimeZone })).toEqual({ zones: [shopTimeZone], source: "shop", stateCodes: [] });
    }
  });
});

describe("the recipient's state", () => {
  it("comes from the phone's area code when there is no US address", async () => {
    expect(await recipientTimeZones({ phone: MIAMI_PHONE, shopTimeZone })).toEqual({
      zones: ["America/New_York"],
      source: "phone",
      stateCode: "FL",
      stateCodes: ["FL"],
    });
  });

  it("counts both the address's state and the phone's, the address's first", async () => {
    const found = await recipientTimeZones({
      phone: MIAMI_PHONE,
      shippingAddress: { countryCode: "US", provinceCode: "ny", zip: "10001" },
      shopTimeZone,
    });
    expect(found).toMatchObject({ zones: ["America/New_York"], stateCode: "NY", stateCodes: ["NY", "FL"] });
  });

  it("ignores a province code that is not a US state, and non-US phones", async () => {
    const found = await recipientTimeZones({
      phone: TORONTO_PHONE,
      shippingAddress: { countryCode: "US", provinceCode: "ON", zip: "14201" },
      shopTimeZone,
    });
    expect(found).toEqual({ zones: ["America/New_York"], source: "address", stateCodes: [] });
  });

  it.each([
    ["Miami, FL", "FL"],
    ["Florida", "FL"],
    ["Washington State", "WA"],
    ["Washington D.C.", "DC"],
    ["New York, NY", "NY"],
    ["Ontario", null],
    ["Mexico City, FD", null],
    [null, null],
  ])("reads %j from libphonenumber's description as %j", (description, state) => {
    expect(stateOfDescription(description)).toBe(state);
  });
});
