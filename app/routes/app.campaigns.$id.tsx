import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext, messagingDeps } from "~/services.server";
import { campaignPage } from "~/marketing/campaign-page.server";
import { cancelCampaign, launchCampaign } from "~/marketing/campaigns.server";
import { CampaignStatusBadge } from "~/marketing/campaign-status";
import { CampaignSummaryCard } from "~/marketing/campaign-summary-card";
import { EstimateCard } from "~/marketing/campaign-estimate-card";
import { CampaignReportCard } from "~/marketing/campaign-report-card";
import { usePolling } from "~/components/use-polling";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const campaign = await campaignPage(appContext, shop.id, params.id ?? "");
  if (!campaign) throw new Response("No such campaign", { status: 404 });
  return { campaign };
};

const CampaignAction = z.object({ intent: z.enum(["launch", "cancel"]) });

// Launching again sends nothing twice (the domain freezes the audience once); cancelling stops
// what has not left.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = CampaignAction.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "Launch or cancel the campaign." }, { status: 400 });
  const id = params.id ?? "";
  const done = parsed.data.intent === "launch" ? await launchCampaign(appContext, shop.id, id, messagingDeps.appUrl) : await cancelCampaign(appContext, shop.id, id);
  if (!done.ok) return Response.json({ error: done.error }, { status: done.status });
  return Response.json({ done: parsed.data.intent === "launch" ? "Launched." : "Cancelled: nothing more of this campaign will be sent." });
};

export default function Campaign() {
  const { campaign } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const fetcher = useFetcher<{ done?: string; error?: string }>();
  const busy = fetcher.state !== "idle";
  const act = (intent: "launch" | "cancel") => !busy && fetcher.submit({ intent }, { method: "post" });
  // Texts leave and are delivered while the page is open.
  usePolling(10_000);
  return (
    <Page title={campaign.name} titleMetadata={<CampaignStatusBadge status={campaign.status} />} backAction={{ content: "Campaigns", url: "/app/campaigns" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {params.get("launch") === "failed" && campaign.status === "draft" && (
              <Banner tone="warning">Saved as a draft, but it could not be launched. Launch it below to see why.</Banner>
            )}
            {fetcher.data?.done && <Banner tone="success">{fetcher.data.done}</Banner>}
            {fetcher.data?.error && <Banner tone="critical">{fetcher.data.error}</Banner>}
            <InlineStack gap="200">
              {campaign.status === "draft" && (
                <Button variant="primary" onClick={() => act("launch")} loading={busy} disabled={busy}>
                  Launch
                </Button>
              )}
              {campaign.cancellable && (
                <Button tone="critical" onClick={() => act("cancel")} disabled={busy}>
                  Cancel campaign
                </Button>
              )}
            </InlineStack>
            {campaign.launchedAt && campaign.definitions && campaign.lift && <CampaignReportCard arms={campaign.arms} lift={campaign.lift} definitions={campaign.definitions} currency={campaign.currency} test={campaign.test} winner={campaign.winner} />}
            <CampaignSummaryCard campaign={campaign} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <EstimateCard title={campaign.launchedAt ? "Estimate, frozen at launch" : "Estimate"} estimate={campaign.estimate} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Campaign" notFound="This campaign doesn't exist" backUrl="/app/campaigns" />;
}
