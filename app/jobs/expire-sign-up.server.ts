// A storefront sign-up that got no Y by its expiresAt ends as expired: a later Y confirms
// nothing (sign-up-confirmation.server.ts checks the time too, so a late job changes no answer).
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { moveSignUp } from "~/flows/sign-up/sign-up-status.server";
import { defineJob } from "./registry.server";
import { enqueueJob } from "./queue.server";

export const EXPIRE_SIGN_UP_JOB = "expire-sign-up";

export function scheduleSignUpExpiry(ctx: AppContext, signUp: { id: string; shopId: string; expiresAt: Date }) {
  return enqueueJob(ctx, {
    kind: EXPIRE_SIGN_UP_JOB,
    payload: { signUpId: signUp.id },
    shopId: signUp.shopId,
    runAt: signUp.expiresAt,
    dedupeKey: `${EXPIRE_SIGN_UP_JOB}:${signUp.id}`,
  });
}

export const expireSignUpJob = defineJob({
  kind: EXPIRE_SIGN_UP_JOB,
  parsePayload: (raw) => z.object({ signUpId: z.string() }).parse(raw),
  async run(ctx, { signUpId }) {
    await moveSignUp(ctx.db, { id: signUpId, from: "pending", to: "expired", at: ctx.clock.now() });
  },
});
