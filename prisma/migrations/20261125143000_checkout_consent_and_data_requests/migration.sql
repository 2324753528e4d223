-- CreateTable
CREATE TABLE "CheckoutConsentDisclosure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "checkoutToken" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "disclosureVersion" INTEGER NOT NULL,
    "disclosureText" TEXT NOT NULL,
    "shownAt" DATETIME NOT NULL,
    "consentEventId" TEXT,
    CONSTRAINT "CheckoutConsentDisclosure_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerDataRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "shopifyRequestId" TEXT NOT NULL,
    "shopifyCustomerId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    CONSTRAINT "CustomerDataRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutConsentDisclosure_shopId_checkoutToken_key" ON "CheckoutConsentDisclosure"("shopId", "checkoutToken");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerDataRequest_shopId_shopifyRequestId_key" ON "CustomerDataRequest"("shopId", "shopifyRequestId");

