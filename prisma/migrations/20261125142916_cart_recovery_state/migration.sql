-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Checkout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "contactId" TEXT,
    "token" TEXT NOT NULL,
    "cartToken" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "firstName" TEXT,
    "abandonedCheckoutUrl" TEXT,
    "lineItems" TEXT NOT NULL DEFAULT '[]',
    "totalPrice" DECIMAL NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "shippingAddress" TEXT,
    "buyerAcceptsSmsMarketing" BOOLEAN NOT NULL DEFAULT false,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "abandonedAt" DATETIME,
    "recoveredOrderId" TEXT,
    "recoveryStatus" TEXT NOT NULL DEFAULT 'none',
    "recoveryStopReason" TEXT,
    "recoveryStep" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Checkout_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Checkout_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Checkout" ("abandonedAt", "abandonedCheckoutUrl", "buyerAcceptsSmsMarketing", "cartToken", "completedAt", "contactId", "createdAt", "currency", "email", "firstName", "id", "lineItems", "phone", "recoveredOrderId", "shippingAddress", "shopId", "shopifyUpdatedAt", "token", "totalPrice", "updatedAt") SELECT "abandonedAt", "abandonedCheckoutUrl", "buyerAcceptsSmsMarketing", "cartToken", "completedAt", "contactId", "createdAt", "currency", "email", "firstName", "id", "lineItems", "phone", "recoveredOrderId", "shippingAddress", "shopId", "shopifyUpdatedAt", "token", "totalPrice", "updatedAt" FROM "Checkout";
DROP TABLE "Checkout";
ALTER TABLE "new_Checkout" RENAME TO "Checkout";
CREATE INDEX "Checkout_shopId_phone_shopifyUpdatedAt_idx" ON "Checkout"("shopId", "phone", "shopifyUpdatedAt");
CREATE UNIQUE INDEX "Checkout_shopId_token_key" ON "Checkout"("shopId", "token");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

