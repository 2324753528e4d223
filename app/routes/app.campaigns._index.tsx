import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext } from "~/services.server";
import { listCampaigns } from "~/marketing/campaign-list.server";
import { CampaignStatusBadge } from "~/marketing/campaign-status";
import { formatTime } from "~/jobs/job-console-cards";
import { formatCount } from "~/analytics/figure-format";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  return { campaigns: await listCampaigns(appContext, shop.id), timeZone: shop.ianaTimezone };
};

export default function Campaigns() {
  const { campaigns, timeZone } = useLoaderData<typeof loader>();
  return (
    <Page title="Campaigns" primaryAction={{ content: "New campaign", url: "/app/campaigns/new" }}>
      <Card padding="0">
        {campaigns.length === 0 ? (
          <EmptyState heading="No campaigns yet" image="" action={{ content: "New campaign", url: "/app/campaigns/new" }}>
            <p>Text a segment of your subscribers once, with variants to compare and a holdout to measure against.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "campaign", plural: "campaigns" }}
            itemCount={campaigns.length}
            selectable={false}
            headings={[{ title: "Name" }, { title: "Status" }, { title: "Segment" }, { title: "Recipients", alignment: "end" }, { title: "Sent", alignment: "end" }, { title: "Launched" }]}
          >
            {campaigns.map((campaign, index) => (
              <IndexTable.Row id={campaign.id} key={campaign.id} position={index}>
                <IndexTable.Cell>
                  <Link to={`/app/campaigns/${campaign.id}`}>{campaign.name}</Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <CampaignStatusBadge status={campaign.status} />
                </IndexTable.Cell>
                <IndexTable.Cell>{campaign.segment ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {campaign.estimated ? `about ${formatCount(campaign.recipients)}` : formatCount(campaign.recipients)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {formatCount(campaign.sent)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{campaign.launchedAt ? formatTime(campaign.launchedAt, timeZone) : "—"}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Campaigns" />;
}
