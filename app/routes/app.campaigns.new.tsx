import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext, messagingDeps } from "~/services.server";
import { listSegments, segmentView } from "~/marketing/segments.server";
import { CAMPAIGN_VARIABLES, DEFAULT_HOLDOUT_PERCENT, DEFAULT_SKIP_HOURS } from "~/marketing/campaign-input";
import { campaignInputFromPage, estimateDraft } from "~/marketing/campaign-draft.server";
import { createCampaign, launchCampaign } from "~/marketing/campaigns.server";
import { CampaignComposer } from "~/marketing/campaign-composer";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const segments = await listSegments(appContext, shop.id);
  const sized = await Promise.all(segments.map((segment) => segmentView(appContext, shop.id, segment.id)));
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: shop.ianaTimezone }).format(appContext.clock.now());
  return {
    setup: {
      segments: sized.flatMap((view) => (view ? [{ id: view.id, name: view.name, size: view.size, leftOut: view.leftOut }] : [])),
      variables: CAMPAIGN_VARIABLES,
      holdoutPercent: DEFAULT_HOLDOUT_PERCENT,
      skipHours: DEFAULT_SKIP_HOURS,
      today,
      timeZone: shop.ianaTimezone,
    },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  // The composer posts JSON: {intent, draft}.
  const { intent, draft } = (await request.json().catch(() => ({}))) as { intent?: unknown; draft?: unknown };
  if (intent === "estimate") {
    const estimate = await estimateDraft(appContext, shop.id, draft, messagingDeps.appUrl);
    return estimate.ok ? Response.json({ estimate: estimate.value }) : Response.json({ error: estimate.error, field: estimate.field }, { status: 400 });
  }
  if (intent !== "create" && intent !== "launch") return Response.json({ error: "Unknown action" }, { status: 400 });
  const input = campaignInputFromPage(draft, shop.ianaTimezone);
  const created = input.ok ? await createCampaign(appContext, shop.id, input.value, messagingDeps.appUrl) : input;
  if (!created.ok) return Response.json({ error: created.error, field: created.field }, { status: 400 });
  const { id } = created.value;
  if (intent === "launch") {
    const launched = await launchCampaign(appContext, shop.id, id, messagingDeps.appUrl);
    // The draft is kept: its page says why it did not launch and offers to launch again.
    if (!launched.ok) return redirect(`/app/campaigns/${id}?launch=failed`);
  }
  return redirect(`/app/campaigns/${id}`);
};

export default function NewCampaign() {
  const { setup } = useLoaderData<typeof loader>();
  return (
    <Page title="New campaign" backAction={{ content: "Campaigns", url: "/app/campaigns" }}>
      <CampaignComposer setup={setup} />
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="New campaign" />;
}
