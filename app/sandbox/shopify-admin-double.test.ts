import { ApiVersion, GraphqlQueryError, Session, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShopifyAdminDouble } from "./shopify-admin-double.server";

const SHOP = "textback-demo.myshopify.com";
const NOW = new Date("2030-03-10T14:00:00.000Z");

const double = createShopifyAdminDouble({ now: () => NOW });
const shopify = shopifyApi({
  apiKey: "sandbox-api-key",
  apiSecretKey: "sandbox-api-secret",
  scopes: ["write_discounts", "write_customers", "read_orders"],
  hostName: "localhost:3000",
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { log: () => {} },
});
const session = new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "state", isOnline: false, accessToken: "shpat_sandbox" });

let uninstall: () => void;
let client: InstanceType<typeof shopify.clients.Graphql>;

beforeEach(() => {
  double.reset();
  uninstall = double.install();
  client = new shopify.clients.Graphql({ session });
});

afterEach(() => uninstall());

const CREATE_DISCOUNT = `#graphql
  mutation CreateRecoveryDiscount($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode {
        id
        codeDiscount {
          ... on DiscountCodeBasic {
            title
            status
            endsAt
            codes(first: 1) { nodes { code } }
            customerGets { value { ... on DiscountPercentage { percentage } } }
          }
        }
      }
      userErrors { field code message }
    }
  }`;

function recoveryDiscount(code: string) {
  return {
    title: `Cart recovery ${code}`,
    code,
    startsAt: "2030-03-10T14:00:00Z",
    endsAt: "2030-03-12T14:00:00Z",
    usageLimit: 1,
    appliesOncePerCustomer: true,
    customerGets: { value: { percentage: 0.15 }, items: { all: true } },
    context: { all: "ALL" },
  };
}

describe("discountCodeBasicCreate through the real @shopify/shopify-api client", () => {
  it("creates a single-use code that the sandbox lists", async () => {
    const response = await client.request(CREATE_DISCOUNT, { variables: { basicCodeDiscount: recoveryDiscount("BACK-7Q2X") } });

    expect(response.data?.discountCodeBasicCreate).toEqual({
      codeDiscountNode: {
        id: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/),
        codeDiscount: {
          title: "Cart recovery BACK-7Q2X",
          status: "ACTIVE",
          endsAt: "2030-03-12T14:00:00Z",
          codes: { nodes: [{ code: "BACK-7Q2X" }] },
          customerGets: { value: { percentage: 0.15 } },
        },
      },
      userErrors: [],
    });
    expect(double.discounts()).toEqual([
      expect.objectContaining({ shop: SHOP, code: "BACK-7Q2X", percentage: 0.15, endsAt: new Date("2030-03-12T14:00:00Z"), createdAt: NOW }),
    ]);
  });

  it("refuses a code the shop already has, in any letter case, as Shopify does", async () => {
    await client.request(CREATE_DISCOUNT, { variables: { basicCodeDiscount: recoveryDiscount("BACK-7Q2X") } });

    const again = await client.request(CREATE_DISCOUNT, { variables: { basicCodeDiscount: recoveryDiscount("back-7q2x") } });

    expect(again.data?.discountCodeBasicCreate).toEqual({
      codeDiscountNode: null,
      userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." }],
    });
    expect(double.discounts()).toHaveLength(1);
  });

  it("fails loudly on a field Shopify's schema does not have", async () => {
    const typo = `mutation { discountCodeBasicCreate(basicCodeDiscount: {title: "x"}) { codeDiscountNode { idd } userErrors { message } } }`;
    await expect(client.request(typo)).rejects.toThrow(GraphqlQueryError);
    await expect(client.request(typo)).rejects.toThrow(/Cannot query field "idd"/);
  });
});

describe("customers and orders", () => {
  it("writes SMS consent back to a seeded customer, stamped by the injected clock", async () => {
    double.seedCustomer({ id: 207119551, phone: "+16136120707", firstName: "Ana" });
    const mutation = `#graphql
      mutation WriteBackConsent($input: CustomerSmsMarketingConsentUpdateInput!) {
        customerSmsMarketingConsentUpdate(input: $input) {
          customer { id smsMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt } }
          userErrors { field message }
        }
      }`;
    const input = (customerId: string) => ({ customerId, smsMarketingConsent: { marketingState: "UNSUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN" } });

    const known = await client.request(mutation, { variables: { input: input("gid://shopify/Customer/207119551") } });
    const unknown = await client.request(mutation, { variables: { input: input("gid://shopify/Customer/1") } });

    expect(known.data?.customerSmsMarketingConsentUpdate.customer.smsMarketingConsent).toEqual({
      marketingState: "UNSUBSCRIBED",
      marketingOptInLevel: "SINGLE_OPT_IN",
      consentUpdatedAt: "2030-03-10T14:00:00Z",
    });
    expect(double.customers()[0].smsMarketingConsent?.marketingState).toBe("UNSUBSCRIBED");
    expect(unknown.data?.customerSmsMarketingConsentUpdate).toEqual({ customer: null, userErrors: [expect.objectContaining({ field: ["input", "customerId"] })] });
  });

  it("finds an order by name or checkout token, with its tracking", async () => {
    double.seedOrder({ id: 1001, name: "#1001", checkoutToken: "ck-1", fulfillments: [{ displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }] }] });
    double.seedOrder({ id: 1002, name: "#1002", checkoutToken: "ck-2" });
    const lookup = `#graphql
      query OrderStatus($query: String!) {
        orders(first: 5, query: $query) {
          nodes { name displayFulfillmentStatus fulfillments(first: 5) { displayStatus trackingInfo(first: 1) { company number url } } }
        }
      }`;

    const byName = await client.request(lookup, { variables: { query: "name:#1001" } });
    const byToken = await client.request(lookup, { variables: { query: "checkout_token:ck-2" } });

    expect(byName.data?.orders.nodes).toEqual([
      {
        name: "#1001",
        displayFulfillmentStatus: "FULFILLED",
        fulfillments: [{ displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }] }],
      },
    ]);
    expect(byToken.data?.orders.nodes).toEqual([{ name: "#1002", displayFulfillmentStatus: "UNFULFILLED", fulfillments: [] }]);
  });
});

describe("installing", () => {
  it("routes only the library's fetch, leaves the global fetch alone, and refuses unmocked URLs", async () => {
    expect(abstractFetch).toBe(double.fetch);
    expect(globalThis.fetch).not.toBe(double.fetch);

    await expect(double.fetch(`https://${SHOP}/admin/oauth/access_token`, { method: "POST", body: "{}" })).rejects.toThrow(
      /Shopify Admin double: no handler for POST https:\/\/textback-demo\.myshopify\.com\/admin\/oauth\/access_token/,
    );
    const rest = new shopify.clients.Rest({ session });
    await expect(rest.get({ path: "shop" })).rejects.toThrow(/no handler for GET/);
  });

  it("answers a request without an access token with Shopify's 401", async () => {
    const response = await double.fetch(`https://${SHOP}/admin/api/2025-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(401);
  });

  it("uninstall restores the previous fetch", () => {
    uninstall();
    expect(double.isInstalled()).toBe(false);
    uninstall = double.install();
    expect(double.isInstalled()).toBe(true);
  });
});

const CREATE_CAMPAIGN_DISCOUNT = `#graphql
  mutation Create($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } userErrors { code } }
  }`;
const BULK_ADD = `#graphql
  mutation Add($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
    discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) { bulkCreation { id done codesCount } userErrors { field code message } }
  }`;
const STATUS = `#graphql
  query Status($id: ID!) {
    discountRedeemCodeBulkCreation(id: $id) {
      done importedCount failedCount
      discountCode { id codeDiscount { ... on DiscountCodeBasic { codesCount { count } } } }
      codes(first: 250) { nodes { code discountRedeemCode { code } errors { code } } }
    }
  }`;

async function discount(code: string) {
  const basicCodeDiscount = {
    title: `Campaign ${code}`,
    code,
    startsAt: "2030-03-10T14:00:00Z",
    usageLimit: 1,
    appliesOncePerCustomer: true,
    customerGets: { value: { percentage: 0.2 }, items: { all: true } },
    context: { all: "ALL" },
  };
  const response = await client.request(CREATE_CAMPAIGN_DISCOUNT, { variables: { basicCodeDiscount } });
  return response.data.discountCodeBasicCreate.codeDiscountNode.id as string;
}

const add = async (discountId: string, codes: string[]) =>
  (await client.request(BULK_ADD, { variables: { discountId, codes: codes.map((code) => ({ code })) } })).data.discountRedeemCodeBulkAdd;

describe("discountRedeemCodeBulkAdd", () => {
  it("queues the codes and adds them when the creation runs, refusing a code the shop has in any case", async () => {
    const id = await discount("TB-FIRST");
    await discount("TB-OTHER");
    const added = await add(id, ["TB-A1", "tb-other", "TB-A2", "TB-A1"]);
    expect(added).toEqual({ bulkCreation: { id: expect.stringMatching(/^gid:\/\/shopify\/DiscountRedeemCodeBulkCreation\/\d+$/), done: false, codesCount: 4 }, userErrors: [] });

    const status = (await client.request(STATUS, { variables: { id: added.bulkCreation.id } })).data.discountRedeemCodeBulkCreation;
    expect(status).toMatchObject({ done: true, importedCount: 2, failedCount: 2, discountCode: { id, codeDiscount: { codesCount: { count: 3 } } } });
    expect(status.codes.nodes).toEqual([
      { code: "TB-A1", discountRedeemCode: { code: "TB-A1" }, errors: [] },
      { code: "tb-other", discountRedeemCode: null, errors: [{ code: "TAKEN" }] },
      { code: "TB-A2", discountRedeemCode: { code: "TB-A2" }, errors: [] },
      { code: "TB-A1", discountRedeemCode: null, errors: [{ code: "TAKEN" }] },
    ]);
    expect(double.discounts().find((d) => d.id === id)).toMatchObject({ codes: ["TB-FIRST", "TB-A1", "TB-A2"], bulkAdds: [4], usageLimit: 1, appliesOncePerCustomer: true });
  });

  it("refuses more than 250 codes in one call, and a discount the shop does not have", async () => {
    const id = await discount("TB-FIRST");
    const tooMany = await add(id, Array.from({ length: 251 }, (_, i) => `TB-${i}`));
    expect(tooMany).toMatchObject({ bulkCreation: null, userErrors: [{ field: ["codes"], code: "TOO_MANY_ARGUMENTS" }] });
    expect((await add(id, Array.from({ length: 250 }, (_, i) => `TB-${i}`))).userErrors).toEqual([]);
    expect(await add("gid://shopify/DiscountCodeNode/1", ["TB-X"])).toMatchObject({ bulkCreation: null, userErrors: [{ field: ["discountId"] }] });
    expect(double.discounts()[0]!.codes).toHaveLength(251);
  });
});
