-- AlterTable
ALTER TABLE "Message" ADD COLUMN "campaignId" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
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
    "launchedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "Campaign_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    CONSTRAINT "CampaignVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "sendAt" DATETIME,
    "status" TEXT NOT NULL,
    "skipReason" TEXT,
    "messageId" TEXT,

    PRIMARY KEY ("campaignId", "contactId"),
    CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL DEFAULT 'America/New_York',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "installedAt" DATETIME,
    "uninstalledAt" DATETIME,
    "telnyxApiKeyEncrypted" TEXT,
    "telnyxMessagingProfileId" TEXT,
    "chatApiKeyEncrypted" TEXT,
    "sendingNumber" TEXT,
    "sendingNumberType" TEXT NOT NULL DEFAULT 'long_code',
    "costPerSegment" DECIMAL NOT NULL DEFAULT 0.004,
    "costPerMms" DECIMAL NOT NULL DEFAULT 0.015,
    "brandName" TEXT,
    "helpText" TEXT,
    "supportEmail" TEXT,
    "returnsUrl" TEXT,
    "reviewUrl" TEXT,
    "quietHoursStart" INTEGER NOT NULL DEFAULT 8,
    "quietHoursEnd" INTEGER NOT NULL DEFAULT 21,
    "marketingCapPerDay" INTEGER NOT NULL DEFAULT 1,
    "marketingCapPerWeek" INTEGER NOT NULL DEFAULT 3,
    "optInKeywords" TEXT NOT NULL DEFAULT 'JOIN',
    "consentDisclosure" TEXT,
    "consentDisclosureVersion" INTEGER NOT NULL DEFAULT 1,
    "businessHours" TEXT,
    "awayMessage" TEXT,
    "settings" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_Shop" ("awayMessage", "brandName", "businessHours", "chatApiKeyEncrypted", "consentDisclosure", "consentDisclosureVersion", "costPerSegment", "createdAt", "currency", "domain", "helpText", "ianaTimezone", "id", "installedAt", "marketingCapPerDay", "marketingCapPerWeek", "name", "optInKeywords", "quietHoursEnd", "quietHoursStart", "returnsUrl", "reviewUrl", "sendingNumber", "sendingNumberType", "settings", "supportEmail", "telnyxApiKeyEncrypted", "telnyxMessagingProfileId", "uninstalledAt", "updatedAt") SELECT "awayMessage", "brandName", "businessHours", "chatApiKeyEncrypted", "consentDisclosure", "consentDisclosureVersion", "costPerSegment", "createdAt", "currency", "domain", "helpText", "ianaTimezone", "id", "installedAt", "marketingCapPerDay", "marketingCapPerWeek", "name", "optInKeywords", "quietHoursEnd", "quietHoursStart", "returnsUrl", "reviewUrl", "sendingNumber", "sendingNumberType", "settings", "supportEmail", "telnyxApiKeyEncrypted", "telnyxMessagingProfileId", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE UNIQUE INDEX "Shop_domain_key" ON "Shop"("domain");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

