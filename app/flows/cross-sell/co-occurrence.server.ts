// "Frequently bought together", from the shop's own stored orders: two products are a pair when
// enough orders (the support) hold both. No model and no outside data: a merchant can check each
// suggestion against their orders, and a product nobody buys with anything is never suggested.
import type { AppContext } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";

export interface ProductRef {
  id: string;
  title: string;
}

export interface ProductPair {
  productA: ProductRef;
  productB: ProductRef;
  /** Orders holding both. */
  orders: number;
}

/** The shop's pairs with at least `minOrders` orders holding both, the best supported first (the Flows page). */
export async function frequentPairs(ctx: AppContext, shopId: string, { minOrders, limit }: { minOrders: number; limit: number }): Promise<ProductPair[]> {
  const { sql } = sqlBuildersOf(ctx.db);
  // Each pair once: A is the one with the smaller id.
  const rows = await ctx.db.$queryRaw<{ aId: string; aTitle: string; bId: string; bTitle: string; orders: bigint | number }[]>(sql`
    SELECT a."productId" AS "aId", MIN(a."title") AS "aTitle", b."productId" AS "bId", MIN(b."title") AS "bTitle", COUNT(*) AS "orders"
    FROM "OrderLine" a
    JOIN "OrderLine" b ON b."orderId" = a."orderId" AND b."productId" > a."productId"
    WHERE a."shopId" = ${shopId}
    GROUP BY a."productId", b."productId"
    HAVING COUNT(*) >= ${minOrders}
    ORDER BY COUNT(*) DESC, a."productId", b."productId"
    LIMIT ${limit}`);
  return rows.map((r) => ({ productA: { id: r.aId, title: r.aTitle }, productB: { id: r.bId, title: r.bTitle }, orders: Number(r.orders) }));
}

/**
 * The product most often bought with any of `purchased`, with at least `minOrders` orders holding
 * both, that the contact has not bought in any order; null when none has that support.
 */
export async function suggestedProduct(
  ctx: AppContext,
  input: { shopId: string; contactId: string; purchased: string[]; minOrders: number },
): Promise<(ProductRef & { orders: number }) | null> {
  if (input.purchased.length === 0) return null;
  const { sql, join } = sqlBuildersOf(ctx.db);
  const [best] = await ctx.db.$queryRaw<{ id: string; title: string; orders: bigint | number }[]>(sql`
    SELECT b."productId" AS "id", MIN(b."title") AS "title", COUNT(DISTINCT a."orderId") AS "orders"
    FROM "OrderLine" a
    JOIN "OrderLine" b ON b."orderId" = a."orderId" AND b."productId" <> a."productId"
    WHERE a."shopId" = ${input.shopId}
      AND a."productId" IN (${join(input.purchased)})
      AND b."productId" NOT IN (
        SELECT owned."productId" FROM "OrderLine" owned JOIN "Order" o ON o."id" = owned."orderId"
        WHERE o."shopId" = ${input.shopId} AND o."contactId" = ${input.contactId})
    GROUP BY b."productId"
    HAVING COUNT(DISTINCT a."orderId") >= ${input.minOrders}
    ORDER BY COUNT(DISTINCT a."orderId") DESC, b."productId"
    LIMIT 1`);
  return best ? { id: best.id, title: best.title, orders: Number(best.orders) } : null;
}
