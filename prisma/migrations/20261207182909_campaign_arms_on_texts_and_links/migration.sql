-- DropIndex
DROP INDEX "CampaignRecipient_campaignId_arm_messageId_idx";

-- DropIndex
DROP INDEX "Message_id_status_cost_idx";

-- AlterTable
ALTER TABLE "Link" ADD COLUMN "campaignArm" TEXT;
ALTER TABLE "Link" ADD COLUMN "campaignId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "campaignArm" TEXT;

-- Backfill: each campaign text gets its recipient's arm, and each of its links the campaign and arm.
UPDATE "Message" SET "campaignArm" = r."arm"
FROM "CampaignRecipient" r
WHERE r."messageId" = "Message"."id" AND r."campaignId" = "Message"."campaignId";

UPDATE "Link" SET "campaignId" = m."campaignId", "campaignArm" = m."campaignArm"
FROM "Message" m
WHERE m."id" = "Link"."messageId" AND m."campaignArm" IS NOT NULL;

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_arm_sendAt_idx" ON "CampaignRecipient"("campaignId", "arm", "sendAt");

-- CreateIndex
CREATE INDEX "Link_campaignId_campaignArm_clicks_idx" ON "Link"("campaignId", "campaignArm", "clicks");

-- CreateIndex
CREATE INDEX "Message_campaignId_campaignArm_status_cost_idx" ON "Message"("campaignId", "campaignArm", "status", "cost");

