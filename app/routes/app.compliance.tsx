import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { Layout, Page } from "@shopify/polaris";
import { requireAdmin } from "~/admin.server";
import { AdminPageError } from "~/admin-page-error";
import { appContext } from "~/services.server";
import { parseComplianceSettings, saveComplianceSettings } from "~/compliance/compliance-settings.server";
import { consentLogFiltersFrom, consentLogPage } from "~/compliance/consent-log.server";
import { CONSENT_SOURCES } from "~/compliance/consent-ledger.server";
import { helpReply } from "~/compliance/keyword-replies";
import { defaultCheckoutParagraph } from "~/compliance/disclosure";
import { ComplianceSettingsForm } from "~/compliance/settings-form";
import { ConsentLogTable } from "~/compliance/consent-log-table";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const log = await consentLogPage(appContext, shop.id, consentLogFiltersFrom(params), { after: params.get("after"), before: params.get("before") });
  const time = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: shop.ianaTimezone });
  return {
    settings: {
      quietHoursStart: shop.quietHoursStart,
      quietHoursEnd: shop.quietHoursEnd,
      marketingCapPerDay: shop.marketingCapPerDay,
      marketingCapPerWeek: shop.marketingCapPerWeek,
      helpText: shop.helpText,
      consentDisclosure: shop.consentDisclosure,
      consentDisclosureVersion: shop.consentDisclosureVersion,
      defaultHelpText: helpReply({ ...shop, helpText: null }),
      defaultConsentDisclosure: defaultCheckoutParagraph(shop),
    },
    log: { ...log, rows: log.rows.map(({ occurredAt, ...row }) => ({ ...row, time: time.format(occurredAt) })) },
    sources: CONSENT_SOURCES,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = parseComplianceSettings(Object.fromEntries(await request.formData()));
  if (!parsed.ok) return Response.json({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  await saveComplianceSettings(appContext, shop.id, parsed.settings);
  return Response.json({ saved: true });
};

type ActionResult = { fieldErrors?: Record<string, string>; saved?: boolean };

export default function Compliance() {
  const { settings, log, sources } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const saving = useNavigation().state === "submitting";
  useEffect(() => {
    if (result?.saved) window.shopify?.toast.show("Compliance settings saved");
  }, [result]);
  return (
    <Page title="Compliance">
      <Layout>
        <Layout.AnnotatedSection title="Rules for texting" description="When automated texts may go out, how many, and what shoppers read when they ask for help or agree at checkout.">
          <ComplianceSettingsForm saved={settings} fieldErrors={result?.fieldErrors ?? {}} justSaved={Boolean(result?.saved)} saving={saving} />
        </Layout.AnnotatedSection>
        <Layout.Section>
          <ConsentLogTable rows={log.rows} nextCursor={log.nextCursor} previousCursor={log.previousCursor} sources={sources} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminPageError title="Compliance" />;
}
