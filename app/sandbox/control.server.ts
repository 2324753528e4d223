// Shared edge of the sandbox control API (/sandbox/*): it exists only in the sandbox, and
// answers bad input with a 400 that says what is wrong.
import type { z } from "zod";
import { currentSandbox } from "./sandbox.server";

export function requireSandbox() {
  const sandbox = currentSandbox();
  if (!sandbox) throw new Response("Not found", { status: 404 });
  return sandbox;
}

export function jsonError(status: number, error: string) {
  return Response.json({ error }, { status });
}

export async function readJsonBody<T extends z.ZodTypeAny>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw jsonError(400, "The body must be JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw jsonError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
