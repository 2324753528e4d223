// For process supervisors: the process is up and serving. Whether it should get traffic is
// /readyz's question (the database answers and is migrated).
export const loader = () => new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
