// Shopify's privacy webhooks (customers/redact, customers/data_request, shop/redact). Each
// runs inside its delivery's transaction, so it is done once and completely or not at all,
// and running it again (a new delivery of the same request) finds nothing left to do.
import type { AppContext } from "~/context.server";
import { suppressPhone } from "~/compliance/suppression.server";
import type { GateSecrets } from "~/messaging/sender-gate.server";
import { cancelJobs } from "~/jobs/queue.server";
import { parseCustomerPrivacyRequest, type CustomerPrivacyRequest } from "./customer-privacy-payload";
import { findCustomerRecords, type CustomerRecords } from "./customer-records.server";

export type PrivacyRequestOutcome = { outcome: "done"; summary: Record<string, number> } | { outcome: "ignored"; reason: string };

interface PrivacyDelivery {
  shopDomain: string;
  webhookId: string;
  rawBody: string;
}

type OpenedRequest = { ignored: string } | { shopId: string; sendingNumber: string | null; customer: CustomerPrivacyRequest };

async function openRequest(ctx: AppContext, delivery: PrivacyDelivery): Promise<OpenedRequest> {
  const parsed = parseCustomerPrivacyRequest(delivery.rawBody);
  if ("error" in parsed) return { ignored: parsed.error };
  const shop = await ctx.db.shop.findUnique({ where: { domain: delivery.shopDomain }, select: { id: true, sendingNumber: true } });
  if (!shop) return { ignored: `no shop ${delivery.shopDomain}` };
  return { shopId: shop.id, sendingNumber: shop.sendingNumber, customer: parsed.request };
}

/**
 * customers/redact: erases the customer's contacts, texts, threads, consent records, checkouts,
 * orders and the webhook bodies that carried them, and cancels what was queued for them. A phone
 * that had opted out stays on the suppression list as a keyed hash, so the opt-out outlives
 * the data: nothing is texted to it again until the shopper texts START.
 */
export async function redactCustomer(ctx: AppContext, delivery: PrivacyDelivery, secrets: GateSecrets): Promise<PrivacyRequestOutcome> {
  const opened = await openRequest(ctx, delivery);
  if ("ignored" in opened) return { outcome: "ignored", reason: opened.ignored };
  const { shopId, sendingNumber, customer } = opened;
  const records = await findCustomerRecords(ctx, shopId, customer);
  const suppressed = await suppressOptedOutPhones(ctx, shopId, records, secrets);
  const cancelledJobs = await cancelJobsAbout(ctx, shopId, records);
  const deleted = await deleteRecords(ctx, shopId, customer, records);
  const webhookBodies = await eraseWebhookBodies(ctx, { shopId, sendingNumber }, customer, records, delivery.webhookId);
  return { outcome: "done", summary: { ...deleted, suppressed, cancelledJobs, webhookBodies } };
}

async function suppressOptedOutPhones(ctx: AppContext, shopId: string, records: CustomerRecords, secrets: GateSecrets) {
  let added = 0;
  for (const contact of records.contacts.filter((c) => c.optedOutAt)) {
    const result = await suppressPhone(ctx, { shopId, phone: contact.phone, hashKey: secrets.suppressionHashKey, reason: "opted out before customers/redact" });
    if (result.added) added += 1;
  }
  return added;
}

// Any job whose payload names an erased row (the send of an erased text, a flow step for the
// customer's checkout) would otherwise run on data that is gone.
async function cancelJobsAbout(ctx: AppContext, shopId: string, records: CustomerRecords) {
  const reason = "customers/redact erased the customer";
  const ids = [...records.contacts, ...records.checkouts, ...records.orders, ...records.messages].map((row) => row.id);
  if (ids.length === 0) return 0;
  const jobs = await ctx.db.job.findMany({
    where: { shopId, status: "queued", OR: ids.map((id) => ({ payload: { contains: id } })) },
    select: { id: true },
  });
  return cancelJobs(ctx, { ids: jobs.map((job) => job.id) }, reason);
}

async function deleteRecords(ctx: AppContext, shopId: string, customer: CustomerPrivacyRequest, records: CustomerRecords) {
  const { db } = ctx;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  const orderIds = ids(records.orders);
  const checkoutTokens = records.checkouts.map((c) => c.token);
  const messages = await db.message.deleteMany({ where: { shopId, id: { in: ids(records.messages) } } });
  const consentEvents = await db.consentEvent.deleteMany({ where: { shopId, id: { in: ids(records.consentEvents) } } });
  await db.shipment.deleteMany({ where: { shopId, orderId: { in: orderIds } } });
  const orders = await db.order.deleteMany({ where: { shopId, id: { in: orderIds } } });
  await db.checkoutConsentDisclosure.deleteMany({ where: { shopId, checkoutToken: { in: checkoutTokens } } });
  const checkouts = await db.checkout.deleteMany({ where: { shopId, id: { in: ids(records.checkouts) } } });
  // Threads and anything left on them go with the contact.
  const contacts = await db.contact.deleteMany({ where: { shopId, id: { in: ids(records.contacts) } } });
  const dataRequests = await db.customerDataRequest.deleteMany({ where: { shopId, shopifyCustomerId: customer.customerId } });
  return {
    contacts: contacts.count,
    messages: messages.count,
    consentEvents: consentEvents.count,
    checkouts: checkouts.count,
    orders: orders.count,
    dataRequests: dataRequests.count,
  };
}

// Stored webhook bodies that name the customer are deleted: the shop's Shopify deliveries and
// the Telnyx events of its number (recorded before any shop is known). The redact request's own
// record stays, so a repeated delivery is still recognised, with only the ids Shopify sent.
async function eraseWebhookBodies(
  ctx: AppContext,
  shop: { shopId: string; sendingNumber: string | null },
  customer: CustomerPrivacyRequest,
  records: CustomerRecords,
  webhookId: string,
) {
  const marks = [...records.phones, ...(customer.email ? [customer.email] : [])];
  const own = { source: "shopify", externalId: webhookId };
  await ctx.db.webhookEvent.updateMany({
    where: own,
    data: { payload: JSON.stringify({ customer: { id: customer.customerId }, orders_to_redact: customer.orderIds }) },
  });
  if (marks.length === 0) return 0;
  const ofTheShop = [
    { shopId: shop.shopId },
    ...(shop.sendingNumber ? [{ shopId: null, source: "telnyx", payload: { contains: shop.sendingNumber } }] : []),
  ];
  const { count } = await ctx.db.webhookEvent.deleteMany({
    where: { NOT: own, AND: [{ OR: ofTheShop }, { OR: marks.map((mark) => ({ payload: { contains: mark } })) }] },
  });
  return count;
}

/**
 * customers/data_request: the customer's data as JSON, kept for the merchant (who must hand it
 * over) under Shopify's request id. A repeated request id replaces the earlier export.
 */
export async function recordCustomerDataRequest(ctx: AppContext, delivery: PrivacyDelivery): Promise<PrivacyRequestOutcome> {
  const opened = await openRequest(ctx, delivery);
  if ("ignored" in opened) return { outcome: "ignored", reason: opened.ignored };
  const { shopId, customer } = opened;
  const records = await findCustomerRecords(ctx, shopId, customer);
  const now = ctx.clock.now();
  const shopifyRequestId = customer.dataRequestId ?? `webhook:${delivery.webhookId}`;
  const data = JSON.stringify(customerDataExport(customer, records, now));
  await ctx.db.customerDataRequest.upsert({
    where: { shopId_shopifyRequestId: { shopId, shopifyRequestId } },
    create: { shopId, shopifyRequestId, shopifyCustomerId: customer.customerId, data, requestedAt: now, createdAt: now, updatedAt: now },
    update: { data, requestedAt: now, updatedAt: now },
  });
  return { outcome: "done", summary: { contacts: records.contacts.length, messages: records.messages.length } };
}

function customerDataExport(customer: CustomerPrivacyRequest, records: CustomerRecords, at: Date) {
  return {
    exportedAt: at.toISOString(),
    customer: { shopifyCustomerId: customer.customerId, email: customer.email, phone: customer.phone },
    contacts: records.contacts.map((c) => ({
      phone: c.phone,
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      timeZone: c.ianaTimezone,
      marketingConsent: c.marketingConsent,
      transactionalConsent: c.transactionalConsent,
      optedOutAt: c.optedOutAt?.toISOString() ?? null,
    })),
    consentEvents: records.consentEvents.map((e) => ({
      phone: e.phone,
      scope: e.scope,
      granted: e.granted,
      source: e.source,
      text: e.text,
      occurredAt: e.occurredAt.toISOString(),
    })),
    messages: records.messages.map((m) => ({
      direction: m.direction,
      from: m.fromNumber,
      to: m.toNumber,
      body: m.body,
      status: m.status,
      occurredAt: m.occurredAt.toISOString(),
    })),
    checkouts: records.checkouts.map((c) => ({
      token: c.token,
      phone: c.phone,
      email: c.email,
      firstName: c.firstName,
      lineItems: JSON.parse(c.lineItems) as unknown,
      totalPrice: c.totalPrice.toString(),
      currency: c.currency,
      shippingAddress: c.shippingAddress ? (JSON.parse(c.shippingAddress) as unknown) : null,
      buyerAcceptsSmsMarketing: c.buyerAcceptsSmsMarketing,
      updatedAt: c.shopifyUpdatedAt.toISOString(),
    })),
    orders: records.orders.map((o) => ({
      shopifyOrderId: o.shopifyOrderId,
      name: o.name,
      phone: o.phone,
      totalPrice: o.totalPrice.toString(),
      currency: o.currency,
      placedAt: o.placedAt.toISOString(),
      shipments: o.shipments.map((s) => ({ status: s.status, trackingCompany: s.trackingCompany, trackingNumber: s.trackingNumber })),
    })),
  };
}

/**
 * shop/redact (48 hours after uninstall): the shop and everything it owns are deleted, with
 * its sessions and the deliveries recorded before the shop was known. A shop that was
 * installed again since keeps its data.
 */
export async function redactShop(ctx: AppContext, shopDomain: string): Promise<PrivacyRequestOutcome> {
  const { db } = ctx;
  const shop = await db.shop.findUnique({ where: { domain: shopDomain }, select: { id: true, uninstalledAt: true } });
  if (shop && !shop.uninstalledAt) return { outcome: "ignored", reason: `${shopDomain} is installed` };
  const sessions = await db.session.deleteMany({ where: { shop: shopDomain } });
  const webhookEvents = await db.webhookEvent.deleteMany({ where: { shopDomain } });
  // Every row a shop owns is deleted with it (onDelete: Cascade).
  const shops = await db.shop.deleteMany({ where: { domain: shopDomain } });
  return { outcome: "done", summary: { shops: shops.count, sessions: sessions.count, webhookEvents: webhookEvents.count } };
}
