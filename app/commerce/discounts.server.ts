// Single-use, expiring discount codes in Shopify. The recovery flow and the lifecycle flows
// (a welcome offer, a win-back) create one discount per code with discountCodeBasicCreate; a campaign creates one discount and adds a code per
// recipient to it with discountRedeemCodeBulkAdd. A code is derived from what it is for (a
// checkout's step, a campaign's recipient, a flow enrollment) with the app's secret, so it cannot be guessed and a
// retried job asks for the same code again instead of issuing a second one.
import { createHmac } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { AppContext } from "~/context.server";
import { PermanentJobError } from "~/jobs/queue.server";
import type { ShopifyAdminGraphql } from "./shopify-sms-consent.server";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function derivedCode(secret: string, purpose: string) {
  const digest = createHmac("sha256", secret).update(purpose).digest();
  return `TB-${[...digest.subarray(0, 10)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("")}`;
}

export function recoveryDiscountCode(secret: string, checkoutId: string, step: number) {
  return derivedCode(secret, `recovery-discount:${checkoutId}:${step}`);
}

export function campaignDiscountCode(secret: string, campaignId: string, contactId: string) {
  return derivedCode(secret, `campaign-discount:${campaignId}:${contactId}`);
}

export function enrollmentDiscountCode(secret: string, flowEnrollmentId: string) {
  return derivedCode(secret, `flow-discount:${flowEnrollmentId}`);
}

interface DiscountRequest {
  shopId: string;
  checkoutId: string;
  step: number;
  percentage: number;
  validHours: number;
  secret: string;
}

export function issueRecoveryDiscount(ctx: AppContext, admin: () => Promise<ShopifyAdminGraphql>, request: DiscountRequest) {
  return issueSingleUseDiscount(ctx, admin, {
    shopId: request.shopId,
    code: recoveryDiscountCode(request.secret, request.checkoutId, request.step),
    title: "Textback cart recovery",
    percentage: request.percentage,
    validHours: request.validHours,
    issuedFor: { checkoutId: request.checkoutId },
  });
}

/** A lifecycle flow enrollment's one code (a welcome offer, a win-back, a cross-sell). */
export function issueFlowDiscount(
  ctx: AppContext,
  admin: () => Promise<ShopifyAdminGraphql>,
  request: { shopId: string; flowEnrollmentId: string; title: string; percentage: number; validHours: number; secret: string },
) {
  return issueSingleUseDiscount(ctx, admin, {
    shopId: request.shopId,
    code: enrollmentDiscountCode(request.secret, request.flowEnrollmentId),
    title: request.title,
    percentage: request.percentage,
    validHours: request.validHours,
    issuedFor: { flowEnrollmentId: request.flowEnrollmentId },
  });
}

interface SingleUseDiscountRequest {
  shopId: string;
  code: string;
  title: string;
  percentage: number;
  validHours: number;
  /** What the code was issued for, stored with it for attribution. */
  issuedFor: { checkoutId: string } | { flowEnrollmentId: string };
}

// Stored first, then created in Shopify: a retry finds the stored row and only finishes the
// creation, and a code Shopify already has (TAKEN) is ours from the lost first attempt.
async function issueSingleUseDiscount(ctx: AppContext, admin: () => Promise<ShopifyAdminGraphql>, request: SingleUseDiscountRequest) {
  const { code } = request;
  const now = ctx.clock.now();
  const stored = await ctx.db.discountCode.upsert({
    where: { shopId_code: { shopId: request.shopId, code } },
    create: {
      shopId: request.shopId,
      code,
      percentage: request.percentage,
      endsAt: new Date(now.getTime() + request.validHours * 3_600_000),
      ...request.issuedFor,
    },
    update: {},
  });
  if (stored.shopifyId) return stored;
  const shopifyId = await createBasicCodeDiscount(await admin(), { title: `${request.title} ${code}`, code, percentage: stored.percentage, startsAt: now, endsAt: stored.endsAt });
  return ctx.db.discountCode.update({ where: { id: stored.id }, data: { shopifyId } });
}

const CREATE_BASIC_CODE = `#graphql
  mutation CreateSingleUseDiscount($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }`;

interface CreateBasicCodeResult {
  discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] } | null;
}

interface SingleUseDiscount {
  title: string;
  code: string;
  /** Whole percent: 15 is 15 % off. */
  percentage: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A discount whose every code is good for one order (usageLimit and appliesOncePerCustomer hold
 * per redeem code, codes added later included). Null when the code is taken: an earlier attempt
 * created it and its answer was lost.
 */
async function createBasicCodeDiscount(admin: ShopifyAdminGraphql, d: SingleUseDiscount) {
  const basicCodeDiscount = {
    title: d.title,
    code: d.code,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    usageLimit: 1,
    appliesOncePerCustomer: true,
    context: { all: "ALL" },
    customerGets: { value: { percentage: d.percentage / 100 }, items: { all: true } },
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
  };
  const body = await adminRequest<CreateBasicCodeResult>(admin, CREATE_BASIC_CODE, { basicCodeDiscount }, "discountCodeBasicCreate");
  const result = body.discountCodeBasicCreate;
  if (!result) throw new Error("discountCodeBasicCreate returned no result");
  // TAKEN: an earlier attempt created it and its answer was lost; the code is ours.
  if (result.userErrors.some((e) => e.code === "TAKEN")) return null;
  if (result.userErrors.length > 0 || !result.codeDiscountNode) {
    throw new PermanentJobError(`Shopify refused discount ${d.code}: ${describeErrors(result.userErrors)}`);
  }
  return result.codeDiscountNode.id;
}

/** The campaign's one discount, created with its first code; found again by that code on a retry. */
export async function createCampaignDiscount(admin: ShopifyAdminGraphql, discount: SingleUseDiscount): Promise<string> {
  const created = await createBasicCodeDiscount(admin, discount);
  if (created) return created;
  const found = await adminRequest<{ codeDiscountNodeByCode: { id: string } | null }>(admin, FIND_BY_CODE, { code: discount.code }, "codeDiscountNodeByCode");
  if (!found.codeDiscountNodeByCode) throw new PermanentJobError(`Discount code ${discount.code} is taken by a discount this app cannot find`);
  return found.codeDiscountNodeByCode.id;
}

/** Shopify's maximum of codes per discountRedeemCodeBulkAdd call. */
export const MAX_CODES_PER_BULK_ADD = 250;
const POLLS = 20;
const POLL_INTERVAL_MS = 500;

export interface RedeemCodesOutcome {
  /** In the discount now (TAKEN counts: an earlier attempt added it and its answer was lost). */
  added: string[];
  refused: { code: string; reason: string }[];
}

/**
 * Adds up to 250 codes to a discount and waits for Shopify's asynchronous creation to run. A
 * creation still queued after the polls throws, and the job's retry adds the same codes again.
 */
export async function addRedeemCodes(admin: ShopifyAdminGraphql, discountId: string, codes: string[]): Promise<RedeemCodesOutcome> {
  if (codes.length > MAX_CODES_PER_BULK_ADD) throw new RangeError(`At most ${MAX_CODES_PER_BULK_ADD} codes a call, not ${codes.length}`);
  const { discountRedeemCodeBulkAdd: result } = await adminRequest<BulkAddResult>(admin, BULK_ADD, { discountId, codes: codes.map((code) => ({ code })) }, "discountRedeemCodeBulkAdd");
  if (result.userErrors.length > 0 || !result.bulkCreation) throw new PermanentJobError(`Shopify refused the codes for ${discountId}: ${describeErrors(result.userErrors)}`);
  for (let poll = 0; poll < POLLS; poll++) {
    const { discountRedeemCodeBulkCreation: creation } = await adminRequest<BulkCreationResult>(admin, BULK_CREATION, { id: result.bulkCreation.id }, "discountRedeemCodeBulkCreation");
    if (creation?.done) {
      const outcome: RedeemCodesOutcome = { added: [], refused: [] };
      for (const { code, discountRedeemCode, errors } of creation.codes.nodes) {
        if (discountRedeemCode || errors.some((e) => e.code === "TAKEN")) outcome.added.push(code);
        else outcome.refused.push({ code, reason: describeErrors(errors) });
      }
      return outcome;
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`Shopify's bulk creation ${result.bulkCreation.id} is still queued`);
}

type UserError = { field: string[] | null; message: string; code: string | null };
const describeErrors = (errors: UserError[]) => errors.map((e) => `${e.field?.join(".") ?? "input"}: ${e.message}`).join("; ");

interface BulkAddResult {
  discountRedeemCodeBulkAdd: { bulkCreation: { id: string } | null; userErrors: UserError[] };
}
interface BulkCreationResult {
  discountRedeemCodeBulkCreation: { done: boolean; codes: { nodes: { code: string; discountRedeemCode: { code: string } | null; errors: UserError[] }[] } } | null;
}

const FIND_BY_CODE = `#graphql
  query CampaignDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) { id }
  }`;

const BULK_ADD = `#graphql
  mutation AddCampaignCodes($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
    discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) {
      bulkCreation { id }
      userErrors { field message code }
    }
  }`;

const BULK_CREATION = `#graphql
  query CampaignCodesCreation($id: ID!) {
    discountRedeemCodeBulkCreation(id: $id) {
      done
      codes(first: 250) { nodes { code discountRedeemCode { code } errors { field message code } } }
    }
  }`;

async function adminRequest<T>(admin: ShopifyAdminGraphql, query: string, variables: Record<string, unknown>, name: string): Promise<T> {
  const response = await admin.graphql(query, { variables });
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status} to ${name}`);
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${name} failed: ${JSON.stringify(body.errors ?? "no data").slice(0, 500)}`);
  return body.data;
}
