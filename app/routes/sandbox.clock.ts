import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { jsonError, readJsonBody, requireSandbox } from "~/sandbox/control.server";
import { appContext, jobRegistry } from "~/services.server";
import { advanceClockThroughJobs } from "~/jobs/worker.server";

const ClockMove = z.union([
  z.object({ advanceMinutes: z.number().nonnegative().finite() }).strict(),
  z.object({ setTo: z.string().datetime({ offset: true }) }).strict(),
]);

export const loader = () => {
  const { clock } = requireSandbox();
  return Response.json({ now: clock.now().toISOString() });
};

// Move the virtual clock forward, running each job at its due time on the way.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { clock } = requireSandbox();
  if (request.method !== "POST") return jsonError(405, "POST a JSON body");
  const move = await readJsonBody(request, ClockMove);
  const target =
    "advanceMinutes" in move
      ? new Date(clock.now().getTime() + move.advanceMinutes * 60_000)
      : new Date(move.setTo);
  if (target < clock.now()) {
    return jsonError(400, `The clock only moves forward; it is ${clock.now().toISOString()}`);
  }
  await advanceClockThroughJobs(appContext, jobRegistry, clock, target);
  return Response.json({ now: clock.now().toISOString() });
};
