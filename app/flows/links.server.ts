// Tracked short links (/r/<code>): a text carries the short link, a click is counted and
// redirected to the target stored with the code, and never anywhere else.
import { randomInt } from "node:crypto";
import type { AppContext } from "~/context.server";
import { noteClick } from "~/marketing/contact-activity.server";

const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

function newCode() {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export function isLinkCode(code: string) {
  return code.length === CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char));
}

export async function createTrackedLink(ctx: AppContext, input: { shopId: string; target: string; checkoutId?: string }) {
  // 56^8 codes: a collision is so rare that taking the next code is the whole answer.
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    if (attempt < 3 && (await ctx.db.link.findUnique({ where: { code }, select: { id: true } }))) continue;
    return ctx.db.link.create({ data: { ...input, code } });
  }
}

export function shortLinkUrl(appUrl: string, code: string) {
  return `${appUrl.replace(/\/+$/, "")}/r/${code}`;
}

/** Counts a click and answers where it goes, or null for a code that was never issued. */
export async function followTrackedLink(ctx: AppContext, code: string): Promise<string | null> {
  if (!isLinkCode(code)) return null;
  const now = ctx.clock.now();
  const { count } = await ctx.db.link.updateMany({ where: { code }, data: { clicks: { increment: 1 }, lastClickedAt: now, updatedAt: now } });
  if (count === 0) return null;
  const link = await ctx.db.link.findUnique({ where: { code }, select: { target: true, messageId: true } });
  const message = link?.messageId ? await ctx.db.message.findUnique({ where: { id: link.messageId }, select: { contactId: true } }) : null;
  if (message?.contactId) await noteClick(ctx, message.contactId, now);
  return link?.target ?? null;
}
