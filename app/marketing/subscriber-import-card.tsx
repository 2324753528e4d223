// Importing subscribers from another SMS app: a CSV with each shopper's consent evidence, and
// the report of what was refused, line by line. Nothing is sent.
import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, DropZone, InlineStack, Text } from "@shopify/polaris";
import type { CsvImportReport } from "./subscriber-csv-import.server";

const REASONS: Record<string, string> = {
  invalid: "Invalid",
  duplicate: "Duplicate",
  opted_out: "Opted out",
  suppressed: "Suppressed",
  withdrawn_later: "Withdrawn later",
};

function Report({ report }: { report: CsvImportReport }) {
  if (!report.ok) return <Banner tone="critical" title="The file was not imported">{report.error}</Banner>;
  const refused = report.refused.length;
  return (
    <BlockStack gap="300">
      <Banner tone={refused > 0 ? "warning" : "success"} title={`${report.created} added, ${report.updated} updated, ${refused} refused`}>
        {refused > 0 ? "Refused lines changed nothing. Fix them and import those lines again; opted-out and suppressed numbers stay so." : "Nothing was sent."}
      </Banner>
      {refused > 0 && (
        <DataTable
          columnContentTypes={["numeric", "text", "text", "text", "text"]}
          headings={["Line", "Phone", "Column", "Reason", "Why"]}
          rows={report.refused.map((line) => [line.line, line.phone, line.column, REASONS[line.reason] ?? line.reason, line.error])}
        />
      )}
    </BlockStack>
  );
}

export function SubscriberImportCard() {
  const fetcher = useFetcher<CsvImportReport>();
  const [file, setFile] = useState<File | null>(null);
  const importing = fetcher.state !== "idle";
  const submit = () => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    fetcher.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Import from another app</Text>
        <Text as="p" tone="subdued">
          A CSV with the columns phone, consented_at, source and disclosure (the text the shopper agreed to, or its address), and optionally first_name and tags
          (separated by semicolons). Every line is checked; nothing is sent.
        </Text>
        <DropZone accept=".csv,text/csv" type="file" allowMultiple={false} onDrop={(files) => setFile(files[0] ?? null)} label="CSV file" labelHidden>
          {file ? <Text as="p" alignment="center">{file.name}</Text> : <DropZone.FileUpload actionTitle="Choose a CSV" actionHint="or drop it here" />}
        </DropZone>
        <InlineStack align="end">
          <Button variant="primary" onClick={submit} disabled={!file} loading={importing}>Import</Button>
        </InlineStack>
        {fetcher.data && !importing && <Report report={fetcher.data} />}
      </BlockStack>
    </Card>
  );
}
