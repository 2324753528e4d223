import { useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";

/** Shows an App Bridge toast each time `result` changes to one that calls for `message`. */
export function useSavedToast(result: unknown, message: string | null) {
  const shopify = useAppBridge();
  useEffect(() => {
    if (result && message) shopify.toast.show(message);
  }, [result, message, shopify]);
}

/** The admin's loading bar while a page loads or a form submits. */
export function NavigationLoadingBar() {
  const shopify = useAppBridge();
  const busy = useNavigation().state !== "idle";
  useEffect(() => {
    shopify.loading(busy);
  }, [busy, shopify]);
  return null;
}
