-- AlterTable
ALTER TABLE "DiscountCode" ADD COLUMN "flowEnrollmentId" TEXT;

-- CreateTable
CREATE TABLE "FlowEnrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "heldOut" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "stopReason" TEXT,
    "step" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "triggerKey" TEXT NOT NULL,
    "productId" TEXT,
    CONSTRAINT "FlowEnrollment_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlowEnrollment_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "disclosure" TEXT NOT NULL,
    "pageUrl" TEXT,
    "placement" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    CONSTRAINT "SignUp_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    CONSTRAINT "OrderLine_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "shopifyProductId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT,
    "onlineStoreUrl" TEXT,
    "imageUrl" TEXT,
    "fetchedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FlowEnrollment_shopId_flow_startedAt_idx" ON "FlowEnrollment"("shopId", "flow", "startedAt");

-- CreateIndex
CREATE INDEX "FlowEnrollment_contactId_flow_status_idx" ON "FlowEnrollment"("contactId", "flow", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FlowEnrollment_shopId_flow_triggerKey_key" ON "FlowEnrollment"("shopId", "flow", "triggerKey");

-- CreateIndex
CREATE INDEX "SignUp_shopId_phone_requestedAt_idx" ON "SignUp"("shopId", "phone", "requestedAt");

-- CreateIndex
CREATE INDEX "SignUp_shopId_ipHash_requestedAt_idx" ON "SignUp"("shopId", "ipHash", "requestedAt");

-- CreateIndex
CREATE INDEX "OrderLine_shopId_productId_idx" ON "OrderLine"("shopId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_productId_key" ON "OrderLine"("orderId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_shopId_shopifyProductId_key" ON "Product"("shopId", "shopifyProductId");

