// The adapter Remix's shopify-app-remix loads: importing it here first means its import-time
// `setAbstractFetchFunc(fetch)` has already run and cannot undo a later `install()`.
import "@shopify/shopify-api/adapters/web-api";
import { abstractFetch, setAbstractFetchFunc, type AbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { graphql as execute } from "graphql";
import { getResponse, graphql, HttpResponse, type GraphQLResponseBody, type RequestHandler } from "msw";
import { shopifyAdminSchema } from "./shopify-admin-schema.server";
import { createBulkOperations } from "./shopify-admin-bulk-operations.server";
import {
  createShopifyAdminStore,
  shopifyGid,
  type SandboxCustomer,
  type SandboxFulfillment,
  type SandboxOrder,
  type SandboxProduct,
  type SmsMarketingConsent,
} from "./shopify-admin-store.server";

export type { ConsentUpdate, SandboxCustomer, SandboxDiscount, SandboxOrder } from "./shopify-admin-store.server";

/**
 * The Shopify Admin GraphQL API replaced at the HTTP boundary (DESIGN §5): MSW 2 handlers for
 * `https://<any shop>/admin/api/<any version>/graphql.json`, executed against a real schema
 * slice, answered from data the sandbox seeds. `install()` hands `@shopify/shopify-api` a fetch
 * that answers from these handlers and throws on anything else; no global is patched, so it
 * works under remix-serve, where MSW's interceptors break.
 */

/** Any shop, any API version. */
export const SHOPIFY_ADMIN_GRAPHQL_URL = /^https:\/\/[^/]+\/admin\/api\/[^/]+\/graphql\.json$/;

export interface SeedCustomer {
  id: string | number;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  smsMarketingConsent?: Partial<SmsMarketingConsent> & Pick<SmsMarketingConsent, "marketingState">;
  tags?: string[];
}

export interface SeedFulfillment {
  id?: string | number;
  status?: SandboxFulfillment["status"];
  /** Shopify's FulfillmentDisplayStatus, e.g. IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED. */
  displayStatus?: string;
  createdAt?: Date;
  inTransitAt?: Date;
  deliveredAt?: Date;
  estimatedDeliveryAt?: Date;
  trackingInfo?: { company?: string; number?: string; url?: string }[];
}

export interface SeedOrder {
  id: string | number;
  /** "#1001" */
  name: string;
  /** Limit the order to one shop's requests; by default every shop sees it. */
  shop?: string;
  email?: string;
  phone?: string;
  customerId?: string | number;
  checkoutToken?: string;
  cartToken?: string;
  createdAt?: Date;
  cancelledAt?: Date;
  displayFinancialStatus?: string;
  /** Defaults to FULFILLED when every fulfillment succeeded, else UNFULFILLED. */
  displayFulfillmentStatus?: string;
  totalPrice?: string;
  currencyCode?: string;
  statusPageUrl?: string;
  fulfillments?: SeedFulfillment[];
}

export interface SeedProduct {
  id: string | number;
  title: string;
  /** Limit the product to one shop's requests; by default every shop sees it. */
  shop?: string;
  /** Defaults to the title in Shopify's handle form ("Trail Mug" → "trail-mug"). */
  handle?: string;
  /** Null: not published to the online store. Defaults to the shop's /products/<handle>. */
  onlineStoreUrl?: string | null;
  imageUrl?: string;
}

export interface ShopifyAdminDoubleOptions {
  now?: () => Date;
  shop?: { name?: string; ianaTimezone?: string; currencyCode?: string };
}

/** A fetch that answers from MSW handlers and refuses, loudly, any request none of them handles. */
export function createHandlerFetch(handlers: RequestHandler[], label: string): AbstractFetchFunc {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) {
      throw new Error(`${label}: no handler for ${request.method} ${request.url} (the sandbox never calls the real service)`);
    }
    return response;
  };
}

export function createShopifyAdminDouble(options: ShopifyAdminDoubleOptions = {}) {
  const now = options.now ?? (() => new Date());
  const currencyCode = options.shop?.currencyCode ?? "USD";
  const store = createShopifyAdminStore(now, {
    name: options.shop?.name ?? "Textback Demo Store",
    ianaTimezone: options.shop?.ianaTimezone ?? "America/Chicago",
    currencyCode,
  });
  const bulk = createBulkOperations({ now, schema: shopifyAdminSchema, rootValue: () => rootValue });
  const rootValue = {
    ...store.rootValue,
    bulkOperationRunQuery: bulk.bulkOperationRunQuery,
    node: ({ id }: { id: string }, context: { shop: string }) => bulk.node(id, context.shop) ?? store.rootValue.customer({ id }) ?? store.rootValue.order({ id }, context),
  };

  const handlers: RequestHandler[] = [
    ...bulk.handlers,
    graphql.link(SHOPIFY_ADMIN_GRAPHQL_URL).operation(async ({ query, variables, operationName, request }) => {
      if (!request.headers.get("x-shopify-access-token")) {
        // Shopify's own answer to a request without a token; its string `errors` is outside
        // MSW's GraphQL body type, hence the cast.
        const body = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
        return HttpResponse.json(body as unknown as GraphQLResponseBody<never>, { status: 401 });
      }
      const result = await execute({
        schema: shopifyAdminSchema,
        source: query,
        rootValue,
        contextValue: { shop: new URL(request.url).hostname },
        variableValues: variables,
        operationName: operationName || undefined,
      });
      return HttpResponse.json(JSON.parse(JSON.stringify(result)));
    }),
  ];
  const fetch = createHandlerFetch(handlers, "Shopify Admin double");

  return {
    handlers,
    /** The fetch `install()` hands to @shopify/shopify-api; usable directly in tests. */
    fetch,
    /**
     * Routes @shopify/shopify-api's HTTP through the handlers. Clients capture the fetch when
     * constructed, so install before creating them (shopify-app-remix creates one per request).
     * Returns an uninstall function that restores the previous fetch.
     */
    install(): () => void {
      const previous = abstractFetch;
      setAbstractFetchFunc(fetch);
      return () => {
        if (abstractFetch === fetch) setAbstractFetchFunc(previous);
      };
    },
    isInstalled: () => abstractFetch === fetch,

    /** Discounts created through `discountCodeBasicCreate`, oldest first (for GET /sandbox/discounts). */
    discounts: store.discounts,
    customers: store.customers,
    orders: store.orders,
    /** Every accepted `customerSmsMarketingConsentUpdate`, oldest first. */
    consentUpdates: store.consentUpdates,
    /** Bulk query operations started from now on end FAILED with this error code (null: they complete). */
    failBulkOperations: bulk.failWith,

    seedCustomer(input: SeedCustomer): SandboxCustomer {
      const consent = input.smsMarketingConsent;
      const customer: SandboxCustomer = {
        id: shopifyGid("Customer", input.id),
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        smsMarketingConsent: consent
          ? {
              marketingState: consent.marketingState,
              marketingOptInLevel: consent.marketingOptInLevel ?? null,
              consentUpdatedAt: consent.consentUpdatedAt ?? null,
              consentCollectedFrom: consent.consentCollectedFrom ?? null,
            }
          : null,
        tags: input.tags ?? [],
      };
      store.putCustomer(customer);
      return structuredClone(customer);
    },

    /** Adds or replaces (same id) an order the app can look up. */
    seedOrder(input: SeedOrder): SandboxOrder {
      const id = shopifyGid("Order", input.id);
      const createdAt = input.createdAt ?? now();
      const fulfillments: SandboxFulfillment[] = (input.fulfillments ?? []).map((f, index) => ({
        id: shopifyGid("Fulfillment", f.id ?? `${id.split("/").pop()}${index + 1}`),
        name: `${input.name}.${index + 1}`,
        status: f.status ?? "SUCCESS",
        displayStatus: f.displayStatus ?? null,
        createdAt: f.createdAt ?? createdAt,
        updatedAt: f.deliveredAt ?? f.inTransitAt ?? f.createdAt ?? createdAt,
        inTransitAt: f.inTransitAt ?? null,
        deliveredAt: f.deliveredAt ?? null,
        estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
        trackingInfo: (f.trackingInfo ?? []).map((t) => ({ company: t.company ?? null, number: t.number ?? null, url: t.url ?? null })),
      }));
      const allShipped = fulfillments.length > 0 && fulfillments.every((f) => f.status === "SUCCESS");
      const order: SandboxOrder = {
        id,
        shop: input.shop,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        customerId: input.customerId === undefined ? null : shopifyGid("Customer", input.customerId),
        checkoutToken: input.checkoutToken ?? null,
        cartToken: input.cartToken ?? null,
        createdAt,
        cancelledAt: input.cancelledAt ?? null,
        displayFinancialStatus: input.displayFinancialStatus ?? "PAID",
        displayFulfillmentStatus: input.displayFulfillmentStatus ?? (allShipped ? "FULFILLED" : "UNFULFILLED"),
        totalPrice: input.totalPrice ?? "0.00",
        currencyCode: input.currencyCode ?? currencyCode,
        statusPageUrl: input.statusPageUrl ?? `https://${input.shop ?? "example.myshopify.com"}/account/orders/${id.split("/").pop()}`,
        fulfillments,
      };
      store.putOrder(order);
      return structuredClone(order);
    },

    /** Adds or replaces (same id) a product the app can look up with product(id:). */
    seedProduct(input: SeedProduct): SandboxProduct {
      const handle = input.handle ?? input.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      const product: SandboxProduct = {
        id: shopifyGid("Product", input.id),
        shop: input.shop,
        title: input.title,
        handle,
        onlineStoreUrl: input.onlineStoreUrl === undefined ? `https://${input.shop ?? "example.myshopify.com"}/products/${handle}` : input.onlineStoreUrl,
        imageUrl: input.imageUrl ?? null,
      };
      store.putProduct(product);
      return structuredClone(product);
    },

    reset() {
      store.reset();
      bulk.reset();
    },
  };
}

export type ShopifyAdminDouble = ReturnType<typeof createShopifyAdminDouble>;
