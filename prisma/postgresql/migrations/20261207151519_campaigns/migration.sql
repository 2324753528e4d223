-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "campaignId" TEXT;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "costPerMms" DECIMAL(65,30) NOT NULL DEFAULT 0.015;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "segmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "schedule" TEXT NOT NULL,
    "holdoutPercent" INTEGER NOT NULL DEFAULT 10,
    "skipIfTextedWithinHours" INTEGER DEFAULT 16,
    "spreadHours" INTEGER NOT NULL DEFAULT 0,
    "mediaUrl" TEXT,
    "estimate" TEXT,
    "launchedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignVariant" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,

    CONSTRAINT "CampaignVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "skipReason" TEXT,
    "messageId" TEXT,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("campaignId","contactId")
);

-- CreateIndex
CREATE INDEX "Campaign_shopId_createdAt_idx" ON "Campaign"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignVariant_campaignId_name_key" ON "CampaignVariant"("campaignId", "name");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_status_sendAt_idx" ON "CampaignRecipient"("campaignId", "status", "sendAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_arm_idx" ON "CampaignRecipient"("campaignId", "arm");

-- CreateIndex
CREATE INDEX "CampaignRecipient_shopId_contactId_idx" ON "CampaignRecipient"("shopId", "contactId");

-- CreateIndex
CREATE INDEX "Message_campaignId_direction_idx" ON "Message"("campaignId", "direction");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVariant" ADD CONSTRAINT "CampaignVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

