// Everything the app holds about one Shopify customer in one shop: found the same way for
// customers/redact (to erase) and customers/data_request (to hand over).
import type { AppContext } from "~/context.server";
import type { CustomerPrivacyRequest } from "./customer-privacy-payload";

export async function findCustomerRecords(ctx: AppContext, shopId: string, customer: CustomerPrivacyRequest) {
  const { db } = ctx;
  const contacts = await db.contact.findMany({
    where: {
      shopId,
      OR: [
        { shopifyCustomerId: customer.customerId },
        ...(customer.phone ? [{ phone: customer.phone }] : []),
        ...(customer.email ? [{ email: customer.email }] : []),
      ],
    },
  });
  const contactIds = contacts.map((c) => c.id);
  const phones = [...new Set([...contacts.map((c) => c.phone), ...(customer.phone ? [customer.phone] : [])])];
  const checkouts = await db.checkout.findMany({
    where: {
      shopId,
      OR: [
        { contactId: { in: contactIds } },
        { phone: { in: phones } },
        ...(customer.email ? [{ email: customer.email }] : []),
      ],
    },
  });
  const orders = await db.order.findMany({
    where: {
      shopId,
      OR: [
        { contactId: { in: contactIds } },
        { phone: { in: phones } },
        { shopifyOrderId: { in: customer.orderIds } },
        { checkoutToken: { in: checkouts.map((c) => c.token) } },
      ],
    },
    include: { shipments: true },
  });
  const messages = await db.message.findMany({
    where: { shopId, OR: [{ contactId: { in: contactIds } }, { toNumber: { in: phones } }, { fromNumber: { in: phones } }] },
    orderBy: { occurredAt: "asc" },
  });
  const consentEvents = await db.consentEvent.findMany({
    where: { shopId, OR: [{ contactId: { in: contactIds } }, { phone: { in: phones } }] },
    orderBy: { occurredAt: "asc" },
  });
  return { contacts, phones, checkouts, orders, messages, consentEvents };
}

export type CustomerRecords = Awaited<ReturnType<typeof findCustomerRecords>>;
