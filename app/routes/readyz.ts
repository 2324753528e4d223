import { db } from "~/services.server";
import { readiness } from "~/readiness.server";

// For load balancers: send traffic here only while the database answers and is migrated.
export const loader = async () => {
  const state = await readiness(db);
  return new Response(state.ready ? "ready" : `not ready: ${state.reason}`, {
    status: state.ready ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
};
