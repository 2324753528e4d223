-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN "orderName" TEXT;
ALTER TABLE "Shipment" ADD COLUMN "phone" TEXT;

-- CreateIndex
CREATE INDEX "Shipment_shopId_phone_idx" ON "Shipment"("shopId", "phone");

