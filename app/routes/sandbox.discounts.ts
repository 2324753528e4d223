import { requireSandbox } from "~/sandbox/control.server";

// Discounts the app created through the Admin API double, each with every code that redeems it
// and the size of each discountRedeemCodeBulkAdd call that added codes to it.
export const loader = () => {
  const sandbox = requireSandbox();
  const discounts = sandbox.shopifyAdmin
    .discounts()
    .map(({ id, code, codes, bulkAdds, percentage, endsAt, usageLimit, appliesOncePerCustomer }) => ({ id, code, codes, bulkAdds, percentage, endsAt, usageLimit, appliesOncePerCustomer }));
  return Response.json({ discounts });
};
