import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "~/shopify.server";
import { env } from "~/services.server";
import { NavigationLoadingBar } from "~/components/app-bridge-feedback";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return {
    apiKey: env.SHOPIFY_API_KEY,
    // Offline there is no Shopify CDN: the sandbox serves a local App Bridge stand-in.
    appBridgeUrl: env.TEXTBACK_SANDBOX ? "/sandbox/app-bridge.js" : undefined,
  };
};

export default function AdminLayout() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app" rel="home">
          Dashboard
        </Link>
        <Link to="/app/inbox">Inbox</Link>
        <Link to="/app/flows">Flows</Link>
        <Link to="/app/automation">Automation</Link>
        <Link to="/app/subscribers">Subscribers</Link>
        <Link to="/app/segments">Segments</Link>
        <Link to="/app/campaigns">Campaigns</Link>
        <Link to="/app/compliance">Compliance</Link>
        <Link to="/app/settings">Settings</Link>
        <Link to="/app/system">System</Link>
      </NavMenu>
      <NavigationLoadingBar />
      <Outlet />
    </AppProvider>
  );
}

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
