import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShopifyAdminDouble } from "./shopify-admin-double.server";
import { BULK_RUN_MS } from "./shopify-admin-bulk-operations.server";
import { adminDoubleClient } from "./admin-double-test-client";

const SHOP = "textback-demo.myshopify.com";
let now = new Date("2030-03-10T14:00:00.000Z");
const double = createShopifyAdminDouble({ now: () => now });
let uninstall: () => void;
let client: ReturnType<typeof adminDoubleClient>;

beforeEach(() => {
  double.reset();
  uninstall = double.install();
  client = adminDoubleClient(SHOP);
  double.seedCustomer({ id: 7, firstName: "Ana", phone: "+13125550111", tags: ["vip"], smsMarketingConsent: { marketingState: "SUBSCRIBED", consentUpdatedAt: new Date("2029-01-02T03:04:05Z") } });
  double.seedCustomer({ id: 8, phone: "+13125550112" });
  double.seedOrder({ id: 1001, name: "#1001", customerId: 7, totalPrice: "40.00", createdAt: new Date("2029-05-01T10:00:00Z") });
  double.seedOrder({ id: 1002, name: "#1002", customerId: 7, totalPrice: "2.50", createdAt: new Date("2029-06-01T10:00:00Z") });
});

afterEach(() => uninstall());

const RUN = `#graphql
  mutation Run($query: String!) {
    bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field code message } }
  }`;
const STATUS = `#graphql
  query Status($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode objectCount url } } }`;
const CUSTOMERS = `{ customers { edges { node { id tags numberOfOrders amountSpent { amount } orders { edges { node { id createdAt } } } } } } }`;

async function run(query: string) {
  const { body } = await client.request(RUN, { variables: { query } }).then((r) => ({ body: r.data as { bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: { field: string[]; code: string; message: string }[] } } }));
  return body.bulkOperationRunQuery;
}
const status = async (id: string) => ((await client.request(STATUS, { variables: { id } })).data as { node: { status: string; url: string | null; objectCount: string; errorCode: string | null } }).node;

describe("bulk query operations in the Admin double", () => {
  it("runs a customers-and-orders query and serves its JSONL, children with __parentId, once completed", async () => {
    const started = await run(CUSTOMERS);
    expect(started.userErrors).toEqual([]);
    const id = started.bulkOperation!.id;
    expect(await status(id)).toMatchObject({ status: "RUNNING", url: null });
    now = new Date(now.getTime() + BULK_RUN_MS);
    const done = await status(id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "4" });
    const lines = (await (await double.fetch(done.url!)).text()).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: "gid://shopify/Customer/7", tags: ["vip"], numberOfOrders: "2", amountSpent: { amount: "42.50" } },
      { id: "gid://shopify/Order/1001", createdAt: "2029-05-01T10:00:00Z", __parentId: "gid://shopify/Customer/7" },
      { id: "gid://shopify/Order/1002", createdAt: "2029-06-01T10:00:00Z", __parentId: "gid://shopify/Customer/7" },
      { id: "gid://shopify/Customer/8", tags: [], numberOfOrders: "0", amountSpent: { amount: "0.00" } },
    ]);
  });

  it("refuses, with Shopify's userErrors, a query the schema or the bulk rules reject, and a second one while one runs", async () => {
    const misspelt = await run(`{ customers { edges { node { id phoneNumber } } } }`);
    expect(misspelt).toEqual({ bulkOperation: null, userErrors: [{ field: ["query"], code: "INVALID", message: expect.stringMatching(/^Invalid bulk query: Cannot query field "phoneNumber" on type "Customer"/) }] });
    expect((await run(`{ node(id: "gid://shopify/Customer/7") { id } }`)).userErrors[0]!.message).toMatch(/node and nodes/);
    expect((await run(`{ shop { name } }`)).userErrors[0]!.message).toMatch(/at least one connection/);
    await run(CUSTOMERS);
    expect((await run(CUSTOMERS)).userErrors[0]).toMatchObject({ code: "OPERATION_IN_PROGRESS" });
  });

  it("reports a failed operation with its error code and no file", async () => {
    double.failBulkOperations("ACCESS_DENIED");
    const { bulkOperation } = await run(CUSTOMERS);
    now = new Date(now.getTime() + BULK_RUN_MS);
    expect(await status(bulkOperation!.id)).toMatchObject({ status: "FAILED", errorCode: "ACCESS_DENIED", url: null });
  });
});
