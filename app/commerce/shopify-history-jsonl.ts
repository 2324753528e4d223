// Reads the JSONL file of the history import's bulk query (shopify-history-import.server.ts): a
// line per customer, then a line per order carrying its customer's id in `__parentId`. Shopify
// writes children after their parent only when it groups objects, so the reader accepts lines in
// any order, and keeps per customer only the figures the contact needs, not the orders.
import { toE164 } from "./shopify-payloads";
import { MAX_TAG_LENGTH } from "~/marketing/subscriber-input";

export interface ShopifySmsConsent {
  /** SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, PENDING or REDACTED. */
  state: string;
  optInLevel: string | null;
  updatedAt: Date | null;
  collectedFrom: string | null;
}

export interface ShopifyCustomerHistory {
  /** Shopify's numeric customer id. */
  customerId: string;
  /** E.164, or null when the customer has no valid number. */
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  tags: string[];
  ordersCount: number;
  /** Shopify's Decimal, as text. */
  totalSpent: string;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  smsConsent: ShopifySmsConsent | null;
}

type Line = Record<string, unknown>;

const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d+)$/;

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
const record = (value: unknown): Line => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Line) : {});
const time = (value: unknown) => {
  const at = typeof value === "string" ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
};

function tagsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const tags = value.filter((tag): tag is string => typeof tag === "string").map((tag) => tag.trim().toLowerCase());
  return [...new Set(tags.filter((tag) => tag && tag.length <= MAX_TAG_LENGTH))];
}

function consentOf(value: unknown): ShopifySmsConsent | null {
  const consent = record(value);
  const state = text(consent.marketingState);
  if (!state) return null;
  return { state, optInLevel: text(consent.marketingOptInLevel), updatedAt: time(consent.consentUpdatedAt), collectedFrom: text(consent.consentCollectedFrom) };
}

/** Takes the file's lines one at a time (a large shop's file is never held whole). */
export function customerHistoryReader() {
  const customers = new Map<string, ShopifyCustomerHistory>();
  const orderDates = new Map<string, Map<string, Date>>();
  let malformed = 0;

  const ordersOf = (customerId: string) => {
    let orders = orderDates.get(customerId);
    if (!orders) orderDates.set(customerId, (orders = new Map()));
    return orders;
  };

  function addCustomer(customerId: string, line: Line) {
    const numberOfOrders = Number(line.numberOfOrders);
    customers.set(customerId, {
      customerId,
      phone: toE164(text(record(line.defaultPhoneNumber).phoneNumber)),
      firstName: text(line.firstName),
      lastName: text(line.lastName),
      email: text(record(line.defaultEmailAddress).emailAddress),
      tags: tagsOf(line.tags),
      ordersCount: Number.isSafeInteger(numberOfOrders) && numberOfOrders >= 0 ? numberOfOrders : 0,
      totalSpent: /^\d+(\.\d+)?$/.test(String(record(line.amountSpent).amount)) ? String(record(line.amountSpent).amount) : "0",
      firstOrderAt: null,
      lastOrderAt: null,
      smsConsent: consentOf(line.smsMarketingConsent),
    });
  }

  return {
    add(raw: string) {
      if (!raw.trim()) return;
      let line: Line;
      try {
        line = record(JSON.parse(raw));
      } catch {
        malformed++;
        return;
      }
      const parent = typeof line.__parentId === "string" ? CUSTOMER_GID.exec(line.__parentId)?.[1] : undefined;
      const own = typeof line.id === "string" ? CUSTOMER_GID.exec(line.id)?.[1] : undefined;
      const placedAt = time(line.createdAt);
      if (parent && typeof line.id === "string" && placedAt) ordersOf(parent).set(line.id, placedAt);
      else if (own && !parent) addCustomer(own, line);
      else malformed++;
    },
    /** Every customer read, with the first and last order dates of the orders read for them. */
    customers(): ShopifyCustomerHistory[] {
      return [...customers.values()].map((customer) => {
        const dates = [...(orderDates.get(customer.customerId)?.values() ?? [])].map((d) => d.getTime());
        if (dates.length === 0) return customer;
        return {
          ...customer,
          // Shopify's count includes orders the file can lack (deleted since), never fewer.
          ordersCount: Math.max(customer.ordersCount, dates.length),
          firstOrderAt: new Date(dates.reduce((a, b) => Math.min(a, b))),
          lastOrderAt: new Date(dates.reduce((a, b) => Math.max(a, b))),
        };
      });
    },
    /** Lines that were neither a customer nor an order of one. */
    malformed: () => malformed,
  };
}
