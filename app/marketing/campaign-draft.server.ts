// A campaign as the compose page holds it, before it is saved: the page's schedule in the
// merchant's terms turned into the domain's, and the estimate of the draft as it stands, so the
// merchant sees recipients, segments and cost change while typing. Nothing is written.
import type { AppContext } from "~/context.server";
import { shortLinkUrl } from "~/flows/links.server";
import { instantOfLocalTime } from "~/compliance/quiet-hours";
import { findSegment } from "./segments.server";
import { countAudience, SAMPLE_LINK_CODE } from "./campaigns.server";
import { parseCampaignInput, type Parsed } from "./campaign-input";
import { estimateCampaign, type CampaignEstimate } from "./campaign-estimate";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "shop" is a wall-clock time in the shop's zone, which the API takes as an instant ("at"). */
export type PageSchedule = { type: "now" } | { type: "shop"; date: string; time: string } | { type: "local"; date: string; time: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The page's draft as the API's input: a time in the shop's zone becomes an instant. */
export function campaignInputFromPage(draft: unknown, shopTimeZone: string): Parsed<Record<string, unknown>> {
  if (!isObject(draft)) return { ok: false, error: "Nothing to save", field: "name" };
  const schedule = draft.schedule;
  if (!isObject(schedule) || schedule.type !== "shop") return { ok: true, value: draft };
  const { date, time } = schedule;
  if (typeof date !== "string" || !DAY.test(date)) return { ok: false, error: "Pick the day, YYYY-MM-DD", field: "schedule.date" };
  if (typeof time !== "string" || !TIME.test(time)) return { ok: false, error: "Pick the time, HH:MM (24-hour)", field: "schedule.time" };
  const at = new Date(instantOfLocalTime(shopTimeZone, Date.parse(`${date}T${time}:00Z`))).toISOString();
  return { ok: true, value: { ...draft, schedule: { type: "at", at } } };
}

/** The estimate of an unsaved draft; the first problem with it, by field, instead. */
export async function estimateDraft(ctx: AppContext, shopId: string, draft: unknown, appUrl: string): Promise<Parsed<CampaignEstimate>> {
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const input = campaignInputFromPage(draft, shop.ianaTimezone);
  if (!input.ok) return input;
  // Neither a name nor a segment is needed to measure the texts; without a segment no one is reached.
  const chosen = Boolean(input.value.segmentId);
  const parsed = parseCampaignInput({ ...input.value, name: input.value.name || "Draft", segmentId: chosen ? input.value.segmentId : "none" }, ctx.clock.now());
  if (!parsed.ok) return parsed;
  const segmentId = chosen ? parsed.value.segmentId : null;
  if (segmentId && !(await findSegment(ctx, shopId, segmentId))) return { ok: false, error: "No such segment", field: "segmentId" };
  const counts = await countAudience(ctx, shopId, segmentId);
  const brand = shop.brandName ?? shop.name;
  return {
    ok: true,
    value: estimateCampaign({
      ...counts,
      holdoutPercent: parsed.value.holdoutPercent,
      variants: parsed.value.variants,
      mediaUrl: parsed.value.mediaUrl,
      brand,
      sampleLink: shortLinkUrl(appUrl, SAMPLE_LINK_CODE),
      costPerSegment: Number(shop.costPerSegment),
      costPerMms: Number(shop.costPerMms),
      currency: shop.currency,
    }),
  };
}
