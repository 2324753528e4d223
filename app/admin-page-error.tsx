// An admin page's error state. Responses thrown by Shopify's auth (a bounce, an exit from the
// iframe) go to Shopify's boundary as before; anything else shows a message inside the admin
// instead of a blank frame.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";

export function AdminPageError({ title, notFound, backUrl }: { title: string; notFound?: string; backUrl?: string }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404 && notFound) {
    return (
      <Page title={title} backAction={backUrl ? { content: "Back", url: backUrl } : undefined}>
        <Banner tone="warning" title={notFound}>
          It may have been removed, or it belongs to another store.
        </Banner>
      </Page>
    );
  }
  if (isRouteErrorResponse(error)) return boundary.error(error);
  return (
    <Page title={title}>
      <Banner tone="critical" title="This page couldn't load">
        Reload the page. If it keeps happening, contact Textback support.
      </Banner>
    </Page>
  );
}
