// The welcome series' two steps, each run by its welcome-step job. Step 1 enrolls the new
// subscriber (or holds them out) and asks the preference question, left open on the conversation
// for inbound routing; step 2, N days later, sends the offer unless an order, an opt-out or a
// person came first, checked again here whatever was recorded when they happened.
import type { Contact, FlowEnrollment, Shop } from "../../../prisma/generated/sqlite/index.js";
import { inTransaction, type AppContext } from "~/context.server";
import { enqueueJob, RetryJobAfter } from "~/jobs/queue.server";
import { requestText } from "~/messaging/outbound.server";
import { flowImage } from "../flow-image.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { serializePendingQuestion } from "~/conversations/routing/pending-question";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { advanceEnrollment, enroll, finishEnrollment, RUNNING, stopEnrollments, type EnrollmentStopReason } from "../enrollments.server";
import { issueFlowOffer, tieOfferToText } from "../flow-offer.server";
import { WELCOME_SETTINGS_KEY, WelcomeSettings } from "./welcome-settings";
import { CONFIRMATION_LEAD_MS, WELCOME_FLOW, welcomeStepJob, type WelcomeStepPayload } from "./welcome-schedule.server";
import { welcomeOffer, welcomeQuestion } from "./welcome-texts";

const DAY_MS = 24 * 3_600_000;
const RECOVERY_RECHECK_MS = 3_600_000;

export async function runWelcomeStep(ctx: AppContext, payload: WelcomeStepPayload, deps: MessagingDeps) {
  const event = await ctx.db.consentEvent.findUnique({ where: { id: payload.consentEventId }, include: { shop: true, contact: true } });
  if (!event?.contact || event.shop.uninstalledAt) return;
  const settings = readSettingsSection(event.shop, WELCOME_SETTINGS_KEY, WelcomeSettings);
  const input = { shop: event.shop, contact: event.contact, settings, triggerKey: event.id };
  return payload.step === 1 ? askPreference(ctx, input, deps) : sendOffer(ctx, input, deps);
}

interface StepInput {
  shop: Shop;
  contact: Contact;
  settings: WelcomeSettings;
  triggerKey: string;
}

async function askPreference(ctx: AppContext, { shop, contact, settings, triggerKey }: StepInput, deps: MessagingDeps) {
  // Off when the subscriber joined: the series never starts, even if the flow is switched on later.
  if (!settings.enabled || !contact.marketingConsent) return;
  await awaitConfirmation(ctx, contact);
  await awaitCartRecovery(ctx, contact);
  const { enrollment } = await enroll(ctx, { shopId: shop.id, contactId: contact.id, flow: WELCOME_FLOW, triggerKey, holdoutPercent: settings.holdoutPercent });
  if (enrollment.status !== RUNNING || enrollment.step >= 1) return;
  await inTransaction(ctx, async (tx) => {
    const message = await requestText(
      tx,
      {
        shopId: shop.id,
        to: contact.phone,
        body: welcomeQuestion(settings, { firstName: contact.firstName, shop: shop.brandName ?? shop.name }),
        purpose: "marketing",
        flow: WELCOME_FLOW,
        flowStep: 1,
        firstInFlow: true,
      },
      deps.secrets,
    );
    if (message.status === "refused" || !message.conversationId) return stopEnrollments(tx, { id: enrollment.id }, "no_consent");
    const question = { kind: "welcome_preference" as const, enrollmentId: enrollment.id, askedAt: tx.clock.now().toISOString() };
    await tx.db.conversation.update({ where: { id: message.conversationId }, data: { pendingQuestion: serializePendingQuestion(question) } });
    await advanceEnrollment(tx, enrollment.id, 1);
    const offerAt = new Date(tx.clock.now().getTime() + settings.offerAfterDays * DAY_MS);
    await enqueueJob(tx, welcomeStepJob(shop.id, { consentEventId: triggerKey, step: 2 }, offerAt));
  });
}

// The confirmation (a compliance text) was queued with the opt-in, a minute before this step;
// should it not have left yet (a slow or throttled send), the question waits for it rather than
// overtaking it.
async function awaitConfirmation(ctx: AppContext, contact: Contact) {
  const unsent = await ctx.db.message.findFirst({
    where: { contactId: contact.id, direction: "outbound", purpose: "compliance", status: { in: ["queued", "held", "sending"] } },
    select: { id: true },
  });
  if (unsent) throw new RetryJobAfter(CONFIRMATION_LEAD_MS, "waiting for the opt-in confirmation to be sent");
}

// A shopper who opted in at a checkout they then left hears about the cart first: the reminder
// is worth more, and the question would take the day's marketing cap from it. The question
// follows once the recovery has finished or stopped (an order, a reply handled, a STOP).
async function awaitCartRecovery(ctx: AppContext, contact: Contact) {
  const recovering = await ctx.db.checkout.findFirst({
    where: { contactId: contact.id, recoveryStatus: { in: ["scheduled", "texting"] } },
    select: { id: true },
  });
  if (recovering) throw new RetryJobAfter(RECOVERY_RECHECK_MS, "waiting for the cart recovery to end");
}

async function sendOffer(ctx: AppContext, { shop, contact, settings, triggerKey }: StepInput, deps: MessagingDeps) {
  const enrollment = await ctx.db.flowEnrollment.findUnique({ where: { shopId_flow_triggerKey: { shopId: shop.id, flow: WELCOME_FLOW, triggerKey } } });
  if (!enrollment || enrollment.status !== RUNNING || enrollment.step >= 2) return;
  const stop = await offerStopReason(ctx, { shop, contact, settings, enrollment });
  if (stop) {
    await stopEnrollments(ctx, { id: enrollment.id }, stop);
    return;
  }
  const offer = await issueFlowOffer(ctx, deps, { shop, enrollment, title: "Textback welcome offer", offer: settings.offer });
  const mediaUrls = settings.attachImage ? await flowImage(ctx, deps, shop, null) : undefined;
  await inTransaction(ctx, async (tx) => {
    const body = welcomeOffer(settings, { firstName: contact.firstName, shop: shop.brandName ?? shop.name, link: offer.link.url, discount: offer.discount });
    const message = await requestText(tx, { shopId: shop.id, to: contact.phone, body, purpose: "marketing", flow: WELCOME_FLOW, flowStep: 2, mediaUrls }, deps.secrets);
    await tieOfferToText(tx, offer, message.id);
    await advanceEnrollment(tx, enrollment.id, 2);
    await finishEnrollment(tx, enrollment.id);
  });
}

async function offerStopReason(
  { db }: AppContext,
  { shop, contact, settings, enrollment }: Omit<StepInput, "triggerKey"> & { enrollment: FlowEnrollment },
): Promise<EnrollmentStopReason | null> {
  if (!settings.enabled) return "flow_off";
  if (contact.optedOutAt) return "opted_out";
  if (!contact.marketingConsent) return "no_consent";
  const ordered = await db.order.findFirst({ where: { shopId: shop.id, contactId: contact.id, placedAt: { gte: enrollment.startedAt } }, select: { id: true } });
  if (ordered) return "ordered";
  const withPerson = await db.conversation.findFirst({ where: { contactId: contact.id, takenOverAt: { not: null }, state: { not: "closed" } }, select: { id: true } });
  return withPerson ? "with_person" : null;
}
