// Single-use, expiring discount codes for the recovery flow, created in Shopify with
// discountCodeBasicCreate. A code is derived from the checkout and step, and written down
// before Shopify is asked, so a retried job finds the same code instead of issuing a second.
import { createHmac } from "node:crypto";
import type { AppContext } from "~/context.server";
import { PermanentJobError } from "~/jobs/queue.server";
import type { ShopifyAdminGraphql } from "./shopify-sms-consent.server";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function recoveryDiscountCode(secret: string, checkoutId: string, step: number) {
  const digest = createHmac("sha256", secret).update(`recovery-discount:${checkoutId}:${step}`).digest();
  return `TB-${[...digest.subarray(0, 10)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("")}`;
}

interface DiscountRequest {
  shopId: string;
  checkoutId: string;
  step: number;
  percentage: number;
  validHours: number;
  secret: string;
}

export async function issueRecoveryDiscount(ctx: AppContext, admin: () => Promise<ShopifyAdminGraphql>, request: DiscountRequest) {
  const code = recoveryDiscountCode(request.secret, request.checkoutId, request.step);
  const now = ctx.clock.now();
  const stored = await ctx.db.discountCode.upsert({
    where: { shopId_code: { shopId: request.shopId, code } },
    create: {
      shopId: request.shopId,
      code,
      percentage: request.percentage,
      endsAt: new Date(now.getTime() + request.validHours * 3_600_000),
      checkoutId: request.checkoutId,
    },
    update: {},
  });
  if (stored.shopifyId) return stored;
  const shopifyId = await createBasicCodeDiscount(await admin(), { code, percentage: stored.percentage, startsAt: now, endsAt: stored.endsAt });
  return ctx.db.discountCode.update({ where: { id: stored.id }, data: { shopifyId } });
}

const CREATE_BASIC_CODE = `#graphql
  mutation CreateRecoveryDiscount($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }`;

interface CreateBasicCodeResult {
  data?: { discountCodeBasicCreate?: { codeDiscountNode: { id: string } | null; userErrors: { field: string[] | null; message: string; code: string | null }[] } | null };
  errors?: unknown;
}

async function createBasicCodeDiscount(admin: ShopifyAdminGraphql, d: { code: string; percentage: number; startsAt: Date; endsAt: Date }) {
  const response = await admin.graphql(CREATE_BASIC_CODE, {
    variables: {
      basicCodeDiscount: {
        title: `Textback cart recovery ${d.code}`,
        code: d.code,
        startsAt: d.startsAt.toISOString(),
        endsAt: d.endsAt.toISOString(),
        usageLimit: 1,
        appliesOncePerCustomer: true,
        context: { all: "ALL" },
        customerGets: { value: { percentage: d.percentage / 100 }, items: { all: true } },
        combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
      },
    },
  });
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status} to discountCodeBasicCreate`);
  const body = (await response.json()) as CreateBasicCodeResult;
  if (body.errors) throw new Error(`discountCodeBasicCreate failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const result = body.data?.discountCodeBasicCreate;
  if (!result) throw new Error("discountCodeBasicCreate returned no result");
  // TAKEN: an earlier attempt created it and its answer was lost; the code is ours.
  if (result.userErrors.some((e) => e.code === "TAKEN")) return null;
  if (result.userErrors.length > 0 || !result.codeDiscountNode) {
    const errors = result.userErrors.map((e) => `${e.field?.join(".") ?? "input"}: ${e.message}`).join("; ");
    throw new PermanentJobError(`Shopify refused discount ${d.code}: ${errors}`);
  }
  return result.codeDiscountNode.id;
}
