-- DropIndex
DROP INDEX "Link_messageId_idx";

-- CreateIndex
CREATE INDEX "Checkout_contactId_shopifyUpdatedAt_idx" ON "Checkout"("contactId", "shopifyUpdatedAt");

-- CreateIndex
CREATE INDEX "Link_messageId_clicks_idx" ON "Link"("messageId", "clicks");

-- CreateIndex
CREATE INDEX "Message_id_status_cost_idx" ON "Message"("id", "status", "cost");

