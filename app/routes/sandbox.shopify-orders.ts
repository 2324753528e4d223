import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError, readJsonBody, requireSandbox } from "~/sandbox/control.server";
import { SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +15551234567");
const ShopifyOrder = z
  .object({
    id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]),
    name: z.string().regex(/^#?\w+$/),
    phone: e164.optional(),
    email: z.string().email().optional(),
    customer: z.object({ id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]), phone: e164.optional(), email: z.string().email().optional() }).optional(),
    fulfillments: z
      .array(
        z.object({
          status: z.enum(["CANCELLED", "ERROR", "FAILURE", "OPEN", "PENDING", "SUCCESS"]).optional(),
          displayStatus: z.string().optional(),
          trackingInfo: z.array(z.object({ company: z.string().optional(), number: z.string().optional(), url: z.string().url().optional() })).optional(),
        }),
      )
      .optional(),
  })
  .strict();

// An order that exists in the demo shop's Shopify but was never sent to the app (placed before
// install, or its webhook lost): the Admin API double answers orders(query:) with it.
export const action = async ({ request }: ActionFunctionArgs) => {
  const sandbox = requireSandbox();
  if (request.method !== "POST") return jsonError(405, "POST a JSON body");
  const { customer, ...order } = await readJsonBody(request, ShopifyOrder);
  if (customer) sandbox.shopifyAdmin.seedCustomer(customer);
  const seeded = sandbox.shopifyAdmin.seedOrder({ ...order, shop: SANDBOX_SHOP_DOMAIN, customerId: customer?.id });
  return Response.json({ id: seeded.id, name: seeded.name }, { status: 201 });
};
