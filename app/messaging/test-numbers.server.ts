// The merchant's own phones, kept in Settings, that "Send a test message" may text. They belong
// to the merchant, not to shoppers, so a test records no consent: a number is a test recipient
// by being on this list, and a STOP from it still refuses every text but the STOP's answer.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { readSettingsSection, writeSettingsSection } from "~/settings/shop-settings.server";

export const TEST_NUMBERS_KEY = "testNumbers";
export const MAX_TEST_NUMBERS = 5;

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "Not an E.164 number");
export const TestNumbers = z.object({ numbers: z.array(E164).max(MAX_TEST_NUMBERS).default([]) });

export function testNumbersOf(shop: { settings: string }): string[] {
  return readSettingsSection(shop, TEST_NUMBERS_KEY, TestNumbers).numbers;
}

export function isTestNumber(shop: { settings: string }, phone: string): boolean {
  return testNumbersOf(shop).includes(phone);
}

/** The form's field (one number a line, or separated by commas) as E.164 numbers, or what is wrong. */
export function parseTestNumbers(field: string): { ok: true; numbers: string[] } | { ok: false; error: string } {
  const entries = field.split(/[\n,;]/).map((entry) => entry.trim()).filter(Boolean);
  const numbers: string[] = [];
  for (const entry of entries) {
    const phone = parsePhoneNumberFromString(entry, "US");
    if (!phone?.isValid()) return { ok: false, error: `“${entry}” is not a valid mobile number: enter it in international format, e.g. +1 312 555 0147` };
    if (!numbers.includes(phone.number)) numbers.push(phone.number);
  }
  if (numbers.length > MAX_TEST_NUMBERS) return { ok: false, error: `Keep at most ${MAX_TEST_NUMBERS} test numbers` };
  return { ok: true, numbers };
}

export function saveTestNumbers(ctx: AppContext, shopId: string, numbers: string[]) {
  return writeSettingsSection(ctx, { shopId, key: TEST_NUMBERS_KEY, schema: TestNumbers, value: { numbers } });
}
