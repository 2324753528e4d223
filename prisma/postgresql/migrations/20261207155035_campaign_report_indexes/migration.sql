-- DropIndex
DROP INDEX "CampaignRecipient_campaignId_arm_idx";

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_arm_messageId_idx" ON "CampaignRecipient"("campaignId", "arm", "messageId");

-- CreateIndex
CREATE INDEX "Link_messageId_idx" ON "Link"("messageId");

-- CreateIndex
CREATE INDEX "Order_shopId_placedAt_idx" ON "Order"("shopId", "placedAt");

