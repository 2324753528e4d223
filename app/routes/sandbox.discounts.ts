import { requireSandbox } from "~/sandbox/control.server";

// Discount codes the app created through the Admin API double.
export const loader = () => {
  const sandbox = requireSandbox();
  const discounts = sandbox.shopifyAdmin
    .discounts()
    .map(({ code, percentage, endsAt, usageLimit }) => ({ code, percentage, endsAt, usageLimit }));
  return Response.json({ discounts });
};
