-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "discountPercent" INTEGER,
ADD COLUMN     "discountShopifyId" TEXT,
ADD COLUMN     "testSharePercent" INTEGER,
ADD COLUMN     "winnerAfterHours" INTEGER,
ADD COLUMN     "winnerDecidedAt" TIMESTAMP(3),
ADD COLUMN     "winnerVariant" TEXT;

-- AlterTable
ALTER TABLE "CampaignRecipient" ADD COLUMN     "discountCode" TEXT;

-- CreateTable
CREATE TABLE "HistoryImport" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "shopId" TEXT NOT NULL,
    "operationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "finishedAt" TIMESTAMP(3),
    "counts" TEXT,
    "error" TEXT,

    CONSTRAINT "HistoryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HistoryImport_shopId_createdAt_idx" ON "HistoryImport"("shopId", "createdAt");

-- AddForeignKey
ALTER TABLE "HistoryImport" ADD CONSTRAINT "HistoryImport_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

