-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "orderName" TEXT,
ADD COLUMN     "phone" TEXT;

-- CreateIndex
CREATE INDEX "Shipment_shopId_phone_idx" ON "Shipment"("shopId", "phone");

