// Daily recovered revenue and texts sent. polaris-viz measures its container and reads
// `navigator` while rendering, so it cannot render on the server: the server (and the first
// browser render, which must match it) shows a placeholder of the same height, and the chart
// replaces it once the page has hydrated.
import { useEffect, useState } from "react";
import { BlockStack, Box, InlineGrid, SkeletonBodyText, Text } from "@shopify/polaris";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { DailyFigures } from "./dashboard.server";
import { formatCount, formatMoney } from "./figure-format";

const CHART_HEIGHT = 240;

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const shortDate = (day: string) =>
  new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

function ChartSlot({ title, children }: { title: string; children: React.ReactNode }) {
  const hydrated = useHydrated();
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <Box minHeight={`${CHART_HEIGHT}px`}>
        {hydrated ? <div style={{ height: CHART_HEIGHT }}>{children}</div> : <SkeletonBodyText lines={8} />}
      </Box>
    </BlockStack>
  );
}

export function DailyChart({ daily, currency }: { daily: DailyFigures[]; currency: string }) {
  const revenue = [{ name: "Recovered revenue", data: daily.map((d) => ({ key: d.day, value: d.recoveredRevenue })) }];
  const texts = [{ name: "Texts sent", data: daily.map((d) => ({ key: d.day, value: d.textsSent })) }];
  const xAxisOptions = { labelFormatter: (key: string | number | null) => shortDate(String(key)) };
  return (
    <PolarisVizProvider>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <ChartSlot title="Recovered revenue by day">
          <LineChart
            data={revenue}
            showLegend={false}
            xAxisOptions={xAxisOptions}
            yAxisOptions={{ labelFormatter: (value) => formatMoney(Number(value), currency) }}
          />
        </ChartSlot>
        <ChartSlot title="Texts sent by day">
          <BarChart
            data={texts}
            showLegend={false}
            xAxisOptions={xAxisOptions}
            yAxisOptions={{ labelFormatter: (value) => formatCount(Number(value)), integersOnly: true }}
          />
        </ChartSlot>
      </InlineGrid>
    </PolarisVizProvider>
  );
}
