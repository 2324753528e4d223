// Every job kind the worker knows, one file each in this folder.
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { createJobRegistry } from "./registry.server";
import { sendTextJob } from "./send-text.server";
import { syncSmsConsentJob } from "./sync-sms-consent.server";
import { expireUnconfirmedSendJob } from "./expire-unconfirmed-send.server";
import { cartRecoveryStepJob } from "./cart-recovery-step.server";
import { reconcileDeliveryJob } from "./reconcile-delivery.server";
import { sendShippingUpdateJob } from "./send-shipping-update.server";
import { requestOrderRatingJob } from "./request-order-rating.server";
import { ingestWebhookJob } from "./ingest-webhook.server";
import { lookUpOrderJob } from "./look-up-order.server";
import { answerWithAiJob } from "./answer-with-ai.server";
import { campaignSendJob } from "./campaign-send.server";
import { importShopifyHistoryJob } from "./import-shopify-history.server";
import { campaignCodesJob } from "./campaign-codes.server";
import { chooseCampaignWinnerJob } from "./choose-campaign-winner.server";
import { sendCrossSellJob } from "./send-cross-sell.server";
import { expireSignUpJob } from "./expire-sign-up.server";
import { welcomeStepJob } from "./welcome-step.server";
import { winBackScanJob } from "./win-back-scan.server";

export function createAppJobRegistry(deps: MessagingDeps) {
  return createJobRegistry([
    sendTextJob(deps),
    syncSmsConsentJob(deps),
    expireUnconfirmedSendJob,
    cartRecoveryStepJob(deps),
    reconcileDeliveryJob(deps),
    sendShippingUpdateJob(deps),
    requestOrderRatingJob(deps),
    ingestWebhookJob(deps),
    lookUpOrderJob(deps),
    answerWithAiJob(deps),
    campaignSendJob(deps),
    importShopifyHistoryJob(deps),
    campaignCodesJob(deps),
    chooseCampaignWinnerJob,
    sendCrossSellJob(deps),
    expireSignUpJob,
    welcomeStepJob(deps),
    winBackScanJob(deps),
  ]);
}
