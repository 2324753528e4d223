-- CreateTable
CREATE TABLE "CheckoutConsentDisclosure" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "shopId" TEXT NOT NULL,
    "checkoutToken" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "disclosureVersion" INTEGER NOT NULL,
    "disclosureText" TEXT NOT NULL,
    "shownAt" TIMESTAMP(3) NOT NULL,
    "consentEventId" TEXT,

    CONSTRAINT "CheckoutConsentDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerDataRequest" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "shopId" TEXT NOT NULL,
    "shopifyRequestId" TEXT NOT NULL,
    "shopifyCustomerId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerDataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutConsentDisclosure_shopId_checkoutToken_key" ON "CheckoutConsentDisclosure"("shopId", "checkoutToken");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerDataRequest_shopId_shopifyRequestId_key" ON "CustomerDataRequest"("shopId", "shopifyRequestId");

-- AddForeignKey
ALTER TABLE "CheckoutConsentDisclosure" ADD CONSTRAINT "CheckoutConsentDisclosure_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerDataRequest" ADD CONSTRAINT "CustomerDataRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

