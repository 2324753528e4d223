import { GraphQLError } from "graphql";
import { searchOrders } from "./shopify-admin-order-search.server";
import { createRedeemCodeBulkAdds } from "./shopify-admin-redeem-codes.server";

/**
 * The Shopify Admin double's data (discounts the app created, customers and orders the sandbox
 * seeded) and the GraphQL root resolvers over it. Shopify's rules the app relies on are kept:
 * discount codes are unique per shop regardless of case, SMS consent needs a phone number.
 */

export interface SandboxDiscount {
  id: string;
  shop: string;
  code: string;
  /** Every code that redeems it: `code` first, then those added by discountRedeemCodeBulkAdd. */
  codes: string[];
  title: string;
  /** Shopify's fraction (0.2 = 20 % off), or null for a fixed-amount discount. */
  percentage: number | null;
  amount: string | null;
  startsAt: Date;
  endsAt: Date | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  createdAt: Date;
}

export interface SmsMarketingConsent {
  marketingState: "NOT_SUBSCRIBED" | "PENDING" | "SUBSCRIBED" | "UNSUBSCRIBED" | "REDACTED";
  marketingOptInLevel: "SINGLE_OPT_IN" | "CONFIRMED_OPT_IN" | "UNKNOWN" | null;
  consentUpdatedAt: Date | null;
  consentCollectedFrom: "SHOPIFY" | "OTHER" | null;
}

export interface SandboxCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  smsMarketingConsent: SmsMarketingConsent | null;
  tags: string[];
}

export interface SandboxFulfillment {
  id: string;
  name: string;
  status: "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING" | "SUCCESS";
  displayStatus: string | null;
  createdAt: Date;
  updatedAt: Date;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
}

export interface SandboxOrder {
  id: string;
  /** Visible to this shop only; undefined = every shop. */
  shop?: string;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: string | null;
  checkoutToken: string | null;
  cartToken: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPrice: string;
  currencyCode: string;
  statusPageUrl: string;
  fulfillments: SandboxFulfillment[];
}

export interface SandboxProduct {
  id: string;
  /** Visible to this shop only; undefined = every shop. */
  shop?: string;
  title: string;
  handle: string;
  /** Null when the product is not published to the online store. */
  onlineStoreUrl: string | null;
  imageUrl: string | null;
}

export interface ConsentUpdate {
  customerId: string;
  consent: SmsMarketingConsent;
  at: Date;
}

/** `gid://shopify/Order/1001` from `1001`, leaving a gid as it is. */
export function shopifyGid(type: string, id: string | number): string {
  return String(id).startsWith("gid://") ? String(id) : `gid://shopify/${type}/${id}`;
}

/** Shopify writes DateTime without milliseconds: 2024-09-12T01:08:05Z. */
export const shopifyTime = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : null);

/** The fields of Shopify's DiscountCodeBasicInput the double reads (GraphQL has checked the types). */
interface DiscountCodeBasicInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  customerGets?: {
    value?: { percentage?: number | null; discountAmount?: { amount?: string | null } | null } | null;
    items?: { all?: boolean | null } | null;
  } | null;
  context?: object | null;
  customerSelection?: object | null;
}

type UserError = { field: string[]; message: string; code: string; extraInfo?: string | null };

function parseTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createShopifyAdminStore(now: () => Date, shopDefaults: { name: string; ianaTimezone: string; currencyCode: string }) {
  const discounts: SandboxDiscount[] = [];
  const customers = new Map<string, SandboxCustomer>();
  const orders = new Map<string, SandboxOrder>();
  const products = new Map<string, SandboxProduct>();
  const consentUpdates: ConsentUpdate[] = [];
  let nextDiscountId = 1_000_001;

  // Shopify refuses an unbounded connection, except inside a bulk operation's query.
  const requireBound = (args: { first?: number | null }, context: { bulk?: boolean }) => {
    if (args.first == null && !context.bulk) throw new GraphQLError("you must provide one of first or last");
  };
  const connection = <T extends { id: string }>(nodes: T[]) => ({
    nodes,
    edges: nodes.map((node) => ({ cursor: node.id, node })),
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: nodes[0]?.id ?? null, endCursor: nodes.at(-1)?.id ?? null },
  });
  const ordersOf = (customerId: string, shop: string) => [...orders.values()].filter((o) => o.customerId === customerId && (!o.shop || o.shop === shop));

  const customerNode = (c: SandboxCustomer | undefined) =>
    c && {
      ...c,
      __typename: "Customer",
      // UnsignedInt64 comes as a string, as Shopify sends it.
      numberOfOrders: (_: unknown, { shop }: { shop: string }) => String(ordersOf(c.id, shop).length),
      amountSpent: (_: unknown, { shop }: { shop: string }) => money(ordersOf(c.id, shop).reduce((sum, o) => sum + Number(o.totalPrice), 0).toFixed(2), shopDefaults.currencyCode),
      orders: (args: { first?: number | null }, context: { shop: string; bulk?: boolean }) => {
        requireBound(args, context);
        return connection(ordersOf(c.id, context.shop).slice(0, args.first ?? undefined).map(orderNode));
      },
      displayName: [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone || "",
      // Shopify 2025-10 deprecates email and phone for these.
      defaultEmailAddress: c.email ? { emailAddress: c.email } : null,
      defaultPhoneNumber: c.phone ? { phoneNumber: c.phone } : null,
      smsMarketingConsent: c.smsMarketingConsent && {
        ...c.smsMarketingConsent,
        consentUpdatedAt: shopifyTime(c.smsMarketingConsent.consentUpdatedAt),
      },
    };

  const money = (amount: string, currencyCode: string) => ({ amount, currencyCode });

  const orderNode = (o: SandboxOrder) => ({
    ...o,
    __typename: "Order",
    createdAt: shopifyTime(o.createdAt),
    processedAt: shopifyTime(o.createdAt),
    updatedAt: shopifyTime(o.createdAt),
    cancelledAt: shopifyTime(o.cancelledAt),
    closed: false,
    customer: () => customerNode(o.customerId ? customers.get(o.customerId) : undefined),
    totalPriceSet: { shopMoney: money(o.totalPrice, o.currencyCode), presentmentMoney: money(o.totalPrice, o.currencyCode) },
    fulfillments: ({ first }: { first?: number }) =>
      o.fulfillments.slice(0, first ?? undefined).map((f) => ({
        ...f,
        createdAt: shopifyTime(f.createdAt),
        updatedAt: shopifyTime(f.updatedAt),
        inTransitAt: shopifyTime(f.inTransitAt),
        deliveredAt: shopifyTime(f.deliveredAt),
        estimatedDeliveryAt: shopifyTime(f.estimatedDeliveryAt),
        trackingInfo: ({ first: limit }: { first?: number }) => f.trackingInfo.slice(0, limit ?? undefined),
      })),
  });

  const productNode = (p: SandboxProduct) => {
    const image = p.imageUrl && { id: shopifyGid("ImageSource", p.id.split("/").pop()!), url: p.imageUrl, altText: p.title, width: 1024, height: 1024 };
    const featuredMedia = image && {
      __typename: "MediaImage",
      id: shopifyGid("MediaImage", p.id.split("/").pop()!),
      alt: p.title,
      mediaContentType: "IMAGE",
      preview: { image, status: "READY" },
      image,
    };
    return { __typename: "Product", id: p.id, title: p.title, handle: p.handle, onlineStoreUrl: p.onlineStoreUrl, featuredMedia };
  };

  function discountNode(d: SandboxDiscount) {
    const at = now();
    const status = d.startsAt > at ? "SCHEDULED" : d.endsAt && d.endsAt <= at ? "EXPIRED" : "ACTIVE";
    const redeemCodes = d.codes.map((code, i) => ({ id: shopifyGid("DiscountRedeemCode", `${d.id.split("/").pop()}${i}`), code, asyncUsageCount: 0 }));
    const value =
      d.percentage !== null
        ? { __typename: "DiscountPercentage", percentage: d.percentage }
        : { __typename: "DiscountAmount", amount: money(d.amount ?? "0", shopDefaults.currencyCode), appliesOnEachItem: false };
    return {
      id: d.id,
      codeDiscount: {
        __typename: "DiscountCodeBasic",
        title: d.title,
        status,
        summary: d.percentage !== null ? `${Math.round(d.percentage * 100)}% off entire order` : `${d.amount} off entire order`,
        startsAt: shopifyTime(d.startsAt),
        endsAt: shopifyTime(d.endsAt),
        createdAt: shopifyTime(d.createdAt),
        updatedAt: shopifyTime(d.createdAt),
        usageLimit: d.usageLimit,
        appliesOncePerCustomer: d.appliesOncePerCustomer,
        asyncUsageCount: 0,
        codes: ({ first }: { first?: number }) => {
          const page = redeemCodes.slice(0, first ?? undefined);
          return { nodes: page, edges: page.map((node) => ({ cursor: node.id, node })), pageInfo: { hasNextPage: page.length < redeemCodes.length, hasPreviousPage: false, startCursor: page[0]?.id ?? null, endCursor: page.at(-1)?.id ?? null } };
        },
        codesCount: { count: redeemCodes.length, precision: "EXACT" },
        customerGets: { value, items: { __typename: "AllDiscountItems", allItems: true }, appliesOnOneTimePurchase: true, appliesOnSubscription: false },
        context: { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
        customerSelection: { __typename: "DiscountCustomerAll", allCustomers: true },
        combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
        discountClasses: ["ORDER"],
      },
    };
  }

  function discountCodeBasicCreate({ basicCodeDiscount: input }: { basicCodeDiscount: DiscountCodeBasicInput }, { shop }: { shop: string }) {
    const errors: UserError[] = [];
    const error = (field: string, message: string, code: string) =>
      errors.push({ field: ["basicCodeDiscount", ...field.split(".")], message, code, extraInfo: null });
    const code = typeof input.code === "string" ? input.code.trim() : "";
    const startsAt = parseTime(input.startsAt);
    const endsAt = input.endsAt == null ? null : parseTime(input.endsAt);
    const value = input.customerGets?.value ?? {};
    const percentage: number | null = value.percentage ?? null;

    if (!input.title?.trim()) error("title", "Title can't be blank", "BLANK");
    if (!code) error("code", "Code can't be blank", "BLANK");
    else if (code.length > 255) error("code", "Code is too long (maximum is 255 characters)", "TOO_LONG");
    else if (codeTaken(shop, code)) {
      error("code", "Code must be unique. Please try a different code.", "TAKEN");
    }
    if (!startsAt) error("startsAt", "Starts at can't be blank", "BLANK");
    if (input.endsAt != null && (!endsAt || (startsAt && endsAt <= startsAt))) error("endsAt", "Ends at needs to be after starts_at", "INVALID");
    if (!input.context && !input.customerSelection) error("context", "Context can't be blank", "BLANK");
    if (!input.customerGets?.items?.all) error("customerGets.items", "Items can't be blank", "BLANK");
    if ((percentage === null) === (value.discountAmount == null)) {
      error("customerGets.value", "Value must have either a percentage or a discount amount", "INVALID");
    } else if (percentage !== null && !(percentage > 0 && percentage <= 1)) {
      error("customerGets.value.percentage", "Value must be between 0.0 and 1.0", "INVALID");
    }
    if (errors.length > 0) return { codeDiscountNode: null, userErrors: errors };

    const discount: SandboxDiscount = {
      id: shopifyGid("DiscountCodeNode", nextDiscountId++),
      shop,
      code,
      codes: [code],
      title: (input.title ?? "").trim(),
      percentage,
      amount: value.discountAmount?.amount ?? null,
      startsAt: startsAt as Date,
      endsAt,
      usageLimit: input.usageLimit ?? null,
      appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
      createdAt: now(),
    };
    discounts.push(discount);
    return { codeDiscountNode: discountNode(discount), userErrors: [] };
  }

  // Shopify compares codes without case.
  const discountWithCode = (shop: string, code: string) => discounts.find((d) => d.shop === shop && d.codes.some((c) => c.toLowerCase() === code.toLowerCase()));
  const codeTaken = (shop: string, code: string) => discountWithCode(shop, code) !== undefined;
  const redeemCodes = createRedeemCodeBulkAdds({
    now,
    discount: (id, shop) => discounts.find((d) => d.id === id && d.shop === shop),
    codeTaken,
    discountNode,
    time: shopifyTime,
  });

  function customerSmsMarketingConsentUpdate({ input }: { input: { customerId: string; smsMarketingConsent: Record<string, string | undefined> } }) {
    const refuse = (field: string[], message: string, code: string) => ({ customer: null, userErrors: [{ field, message, code }] });
    const customer = customers.get(input.customerId);
    if (!customer) return refuse(["input", "customerId"], "Customer not found", "INVALID");
    if (!customer.phone) return refuse(["input", "smsMarketingConsent"], "A phone number is required to set SMS consent", "INVALID");
    const requested = input.smsMarketingConsent;
    if (requested.marketingState === "REDACTED" || requested.marketingState === "PENDING") {
      return refuse(["input", "smsMarketingConsent", "marketingState"], "Marketing state is not included in the list", "INCLUSION");
    }
    const consentUpdatedAt = requested.consentUpdatedAt ? parseTime(requested.consentUpdatedAt) : now();
    if (!consentUpdatedAt) return refuse(["input", "smsMarketingConsent", "consentUpdatedAt"], "Consent updated at is invalid", "INVALID");
    customer.smsMarketingConsent = {
      marketingState: requested.marketingState as SmsMarketingConsent["marketingState"],
      marketingOptInLevel: (requested.marketingOptInLevel ?? customer.smsMarketingConsent?.marketingOptInLevel ?? "SINGLE_OPT_IN") as SmsMarketingConsent["marketingOptInLevel"],
      consentUpdatedAt,
      consentCollectedFrom: "OTHER",
    };
    consentUpdates.push({ customerId: customer.id, consent: { ...customer.smsMarketingConsent }, at: now() });
    return { customer: customerNode(customer), userErrors: [] };
  }

  const rootValue = {
    shop: (_: unknown, { shop }: { shop: string }) => ({ ...shopDefaults, myshopifyDomain: shop }),
    customer: ({ id }: { id: string }) => customerNode(customers.get(id)) ?? null,
    customers: (args: { first?: number | null }, context: { bulk?: boolean }) => {
      requireBound(args, context);
      return connection([...customers.values()].slice(0, args.first ?? undefined).map((c) => customerNode(c)!));
    },
    order: ({ id }: { id: string }, { shop }: { shop: string }) => {
      const order = orders.get(id);
      return order && (!order.shop || order.shop === shop) ? orderNode(order) : null;
    },
    orders: (args: Parameters<typeof searchOrders>[1], { shop }: { shop: string }) => {
      // Shopify refuses an unbounded connection the same way.
      if (args.first == null) throw new GraphQLError("you must provide one of first or last");
      const visible = [...orders.values()].filter((o) => !o.shop || o.shop === shop);
      const page = searchOrders(visible, args);
      return {
        nodes: page.orders.map(orderNode),
        edges: page.orders.map((o) => ({ cursor: o.id, node: orderNode(o) })),
        pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(args.after), startCursor: page.orders[0]?.id ?? null, endCursor: page.orders.at(-1)?.id ?? null },
      };
    },
    product: ({ id }: { id: string }, { shop }: { shop: string }) => {
      const product = products.get(id);
      return product && (!product.shop || product.shop === shop) ? productNode(product) : null;
    },
    codeDiscountNodeByCode: ({ code }: { code: string }, { shop }: { shop: string }) => {
      const found = discountWithCode(shop, code);
      return found ? discountNode(found) : null;
    },
    discountRedeemCodeBulkCreation: redeemCodes.discountRedeemCodeBulkCreation,
    discountCodeBasicCreate,
    discountRedeemCodeBulkAdd: redeemCodes.discountRedeemCodeBulkAdd,
    customerSmsMarketingConsentUpdate,
  };

  return {
    rootValue,
    discounts: () => {
      redeemCodes.settle();
      return discounts.map((d) => ({ ...d, codes: [...d.codes], bulkAdds: redeemCodes.bulkAddSizes(d.id) }));
    },
    customers: () => [...customers.values()].map((c) => structuredClone(c)),
    orders: () => [...orders.values()].map((o) => structuredClone(o)),
    consentUpdates: () => consentUpdates.map((u) => structuredClone(u)),
    putCustomer(customer: SandboxCustomer) {
      customers.set(customer.id, customer);
    },
    putOrder(order: SandboxOrder) {
      orders.set(order.id, order);
    },
    putProduct(product: SandboxProduct) {
      products.set(product.id, product);
    },
    reset() {
      discounts.length = 0;
      redeemCodes.reset();
      customers.clear();
      orders.clear();
      products.clear();
      consentUpdates.length = 0;
    },
  };
}
