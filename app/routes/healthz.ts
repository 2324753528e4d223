import { db } from "~/services.server";

// For load balancers and for tests that wait for the app: up, and the database answers.
export const loader = async () => {
  await db.$queryRawUnsafe("SELECT 1");
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
};
