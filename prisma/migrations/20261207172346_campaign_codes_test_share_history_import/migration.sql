-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "discountPercent" INTEGER;
ALTER TABLE "Campaign" ADD COLUMN "discountShopifyId" TEXT;
ALTER TABLE "Campaign" ADD COLUMN "testSharePercent" INTEGER;
ALTER TABLE "Campaign" ADD COLUMN "winnerAfterHours" INTEGER;
ALTER TABLE "Campaign" ADD COLUMN "winnerDecidedAt" DATETIME;
ALTER TABLE "Campaign" ADD COLUMN "winnerVariant" TEXT;

-- AlterTable
ALTER TABLE "CampaignRecipient" ADD COLUMN "discountCode" TEXT;

-- CreateTable
CREATE TABLE "HistoryImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "operationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "finishedAt" DATETIME,
    "counts" TEXT,
    "error" TEXT,
    CONSTRAINT "HistoryImport_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HistoryImport_shopId_createdAt_idx" ON "HistoryImport"("shopId", "createdAt");

