// What the lifecycle flow pages' routes share: the signed-in shop with its flow section and the
// prices its previews use, and the save that answers 400 with the errors by field path.
import { requireAdmin } from "~/admin.server";
import { appContext } from "~/services.server";
import { isTelnyxConnected, lifecycleSettingsOf, pricingOf, saveLifecyclePage, type LifecyclePage } from "~/flows/lifecycle-flow-pages.server";

export async function loadLifecycleFlow<P extends LifecyclePage>(request: Request, page: P) {
  const { shop } = await requireAdmin(request);
  return { shop, flow: { settings: lifecycleSettingsOf(shop, page), pricing: pricingOf(shop), telnyxConnected: isTelnyxConnected(shop) } };
}

export async function saveLifecycleFlow(request: Request, page: LifecyclePage) {
  const { shop } = await requireAdmin(request);
  const result = await saveLifecyclePage(appContext, shop.id, page, await request.formData());
  return Response.json(result, { status: result.saved ? 200 : 400 });
}
