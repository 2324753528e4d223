import { GraphQLError } from "graphql";
import type { SandboxOrder } from "./shopify-admin-store.server";

/**
 * The part of Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax) that the
 * `orders(query:)` look-ups use: space-separated terms ANDed together, `field:value` with
 * optional quotes, and bare words matched against name and email. Filters Shopify documents
 * for orders but the double does not model are ignored, as Shopify ignores unknown filters.
 */

const FULFILLMENT_FILTER: Record<string, string[]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
};

const numericId = (gid: string | null) => gid?.split("/").pop() ?? "";
const withoutHash = (name: string) => name.replace(/^#/, "").toLowerCase();

type Matcher = (order: SandboxOrder) => boolean;

function matcherFor(field: string | null, value: string): Matcher | null {
  const lower = value.toLowerCase();
  switch (field) {
    case null:
      return (o) => withoutHash(o.name).includes(withoutHash(value)) || (o.email ?? "").toLowerCase().includes(lower);
    case "name":
      return (o) => withoutHash(o.name) === withoutHash(value);
    case "email":
      return (o) => (o.email ?? "").toLowerCase() === lower;
    case "checkout_token":
      return (o) => o.checkoutToken === value;
    case "cart_token":
      return (o) => o.cartToken === value;
    case "id":
      return (o) => numericId(o.id) === value;
    case "customer_id":
      return (o) => numericId(o.customerId) === value;
    case "fulfillment_status":
      return (o) => (FULFILLMENT_FILTER[lower] ?? []).includes(o.displayFulfillmentStatus);
    default:
      return null;
  }
}

/** Splits `name:"#1001" email:a@b.c` into terms, keeping quoted values whole. */
function parseTerms(query: string): { field: string | null; value: string }[] {
  const terms = query.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? [];
  return terms
    .filter((term) => term !== "AND")
    .map((term) => {
      if (term === "OR" || term.startsWith("-") || term.startsWith("NOT")) {
        throw new GraphQLError(`Shopify Admin double: the orders search supports only ANDed terms, got "${term}"`);
      }
      const colon = term.indexOf(":");
      const field = colon > 0 && !term.startsWith('"') ? term.slice(0, colon) : null;
      const value = (field ? term.slice(colon + 1) : term).replace(/^"|"$/g, "");
      return { field, value };
    });
}

export function searchOrders(
  orders: SandboxOrder[],
  args: { first?: number | null; after?: string | null; query?: string | null; reverse?: boolean | null; sortKey?: string | null },
) {
  const matchers = parseTerms(args.query ?? "")
    .map(({ field, value }) => matcherFor(field, value))
    .filter((m): m is Matcher => m !== null);
  // Default sort key is ID, ascending; the double keeps one timestamp, so every time key sorts by it.
  const byTime = args.sortKey != null && args.sortKey !== "ID";
  const sorted = orders
    .filter((o) => matchers.every((match) => match(o)))
    .sort((a, b) =>
      byTime
        ? a.createdAt.getTime() - b.createdAt.getTime()
        : Number(numericId(a.id)) - Number(numericId(b.id)) || a.id.localeCompare(b.id));
  if (args.reverse) sorted.reverse();
  const start = args.after ? sorted.findIndex((o) => o.id === args.after) + 1 : 0;
  const first = args.first ?? sorted.length;
  return { orders: sorted.slice(start, start + first), hasNextPage: start + first < sorted.length };
}
