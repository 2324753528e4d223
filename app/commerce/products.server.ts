// What a text needs to show a Shopify product: its title, its storefront link and its image.
// Kept in the Product table and refreshed through the Admin API when missing or a week old, so
// a cross-sell or a recovery MMS costs one Admin call per product a week, not one per text.
import type { AppContext } from "~/context.server";
import { errorSummary, logger } from "~/logger.server";
import type { ShopifyAdminGraphql } from "./shopify-sms-consent.server";

export interface ProductDetails {
  title: string;
  /** The product's storefront page; null when it is not on the online store. */
  url: string | null;
  imageUrl: string | null;
}

const FRESH_MS = 7 * 24 * 3_600_000;
const log = logger.child({ component: "products" });

// Field for field from the 2025-10 schema: featuredImage is deprecated for featuredMedia, whose
// preview image is there for every media type (a video's poster too).
const PRODUCT = `#graphql
  query ProductForText($id: ID!) {
    product(id: $id) {
      title
      handle
      onlineStoreUrl
      featuredMedia { preview { image { url } } }
    }
  }`;

interface ProductResult {
  product: { title: string; handle: string; onlineStoreUrl: string | null; featuredMedia: { preview: { image: { url: string } | null } | null } | null } | null;
}

/**
 * The product's details, from the cache or the Admin API. When Shopify cannot be asked (no
 * client, no read_products scope yet, an outage) the last known details, or null, are the
 * answer: a text goes without its image rather than not at all.
 */
export async function productDetails(ctx: AppContext, admin: (() => Promise<ShopifyAdminGraphql>) | undefined, shopId: string, productId: string): Promise<ProductDetails | null> {
  const cached = await ctx.db.product.findUnique({ where: { shopId_shopifyProductId: { shopId, shopifyProductId: productId } } });
  const now = ctx.clock.now();
  if ((cached && now.getTime() - cached.fetchedAt.getTime() < FRESH_MS) || !admin) return cached && detailsOf(cached);
  let found: ProductResult["product"];
  try {
    found = await fetchProduct(await admin(), productId);
  } catch (error) {
    log.warn({ err: errorSummary(error) }, "product look-up in Shopify failed; using what is cached");
    return cached && detailsOf(cached);
  }
  if (!found) return null;
  const columns = {
    title: found.title,
    handle: found.handle,
    onlineStoreUrl: found.onlineStoreUrl,
    imageUrl: found.featuredMedia?.preview?.image?.url ?? null,
    fetchedAt: now,
  };
  const stored = await ctx.db.product.upsert({
    where: { shopId_shopifyProductId: { shopId, shopifyProductId: productId } },
    create: { shopId, shopifyProductId: productId, ...columns },
    update: columns,
  });
  return detailsOf(stored);
}

async function fetchProduct(admin: ShopifyAdminGraphql, productId: string) {
  const response = await admin.graphql(PRODUCT, { variables: { id: `gid://shopify/Product/${productId}` } });
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status} to product`);
  const body = (await response.json()) as { data?: ProductResult; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`product failed: ${JSON.stringify(body.errors ?? "no data").slice(0, 300)}`);
  return body.data.product;
}

function detailsOf(product: { title: string; onlineStoreUrl: string | null; imageUrl: string | null }): ProductDetails {
  return { title: product.title, url: product.onlineStoreUrl, imageUrl: product.imageUrl };
}

/** The shop's most ordered product (by orders holding it), for a flow's image; null before any order. */
export async function bestSellerProductId(ctx: AppContext, shopId: string): Promise<string | null> {
  const [top] = await ctx.db.orderLine.groupBy({
    by: ["productId"],
    where: { shopId },
    _count: { orderId: true },
    orderBy: [{ _count: { orderId: "desc" } }, { productId: "asc" }],
    take: 1,
  });
  return top?.productId ?? null;
}
