import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

// Reloads the page's data every few seconds while the tab is visible: new texts appear without
// a reload, and the merchant keeps their tab, search, page and whatever they are typing.
export function usePolling(intervalMs: number) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, revalidator]);
}
