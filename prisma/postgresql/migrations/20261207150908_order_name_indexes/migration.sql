-- CreateIndex
CREATE INDEX "Order_shopId_name_idx" ON "Order"("shopId", "name");

-- CreateIndex
CREATE INDEX "Shipment_shopId_orderName_idx" ON "Shipment"("shopId", "orderName");

