// The demo shop's catalogue in the Shopify Admin double: what product(id:) answers, so a
// cross-sell names a real product and a recovery or cross-sell text carries its image. Tests
// and the demo's orders use these ids in their line items.
import type { SeedProduct, ShopifyAdminDouble } from "./shopify-admin-double.server";
import { SANDBOX_SHOP_DOMAIN } from "./demo-shop";

const IMAGES = "https://cdn.shopify.com/s/files/1/0702/4830/1657/files";

export const DEMO_PRODUCTS = [
  { id: 8101, title: "Trailhead Insulated Bottle", imageUrl: `${IMAGES}/trailhead-insulated-bottle.jpg` },
  { id: 8102, title: "Bottle Cleaning Brush Set", imageUrl: `${IMAGES}/bottle-cleaning-brush-set.jpg` },
  { id: 8103, title: "Merino Crew Socks", imageUrl: `${IMAGES}/merino-crew-socks.jpg` },
  { id: 8104, title: "Waxed Canvas Daypack", imageUrl: `${IMAGES}/waxed-canvas-daypack.jpg` },
  { id: 8105, title: "Camp Enamel Mug", imageUrl: `${IMAGES}/camp-enamel-mug.jpg` },
] as const satisfies readonly SeedProduct[];

export function seedDemoProducts(double: ShopifyAdminDouble) {
  for (const product of DEMO_PRODUCTS) double.seedProduct({ ...product, shop: SANDBOX_SHOP_DOMAIN });
}
