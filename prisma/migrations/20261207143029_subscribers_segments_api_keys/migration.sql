-- CreateTable
CREATE TABLE "ContactTag" (
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shopId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("contactId", "tag"),
    CONSTRAINT "ContactTag_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "playbook" TEXT,
    CONSTRAINT "Segment_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "shopifyCustomerId" TEXT,
    "ianaTimezone" TEXT,
    "timezoneSource" TEXT,
    "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
    "transactionalConsent" BOOLEAN NOT NULL DEFAULT false,
    "optedOutAt" DATETIME,
    "suppressedAt" DATETIME,
    "consentSource" TEXT,
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "totalSpent" DECIMAL NOT NULL DEFAULT 0,
    "firstOrderAt" DATETIME,
    "lastOrderAt" DATETIME,
    "countryCode" TEXT,
    "provinceCode" TEXT,
    "lastRepliedAt" DATETIME,
    "lastClickedAt" DATETIME,
    "lastAbandonedAt" DATETIME,
    CONSTRAINT "Contact_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("createdAt", "email", "firstName", "ianaTimezone", "id", "lastName", "marketingConsent", "optedOutAt", "phone", "shopId", "shopifyCustomerId", "timezoneSource", "transactionalConsent", "updatedAt") SELECT "createdAt", "email", "firstName", "ianaTimezone", "id", "lastName", "marketingConsent", "optedOutAt", "phone", "shopId", "shopifyCustomerId", "timezoneSource", "transactionalConsent", "updatedAt" FROM "Contact";
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE INDEX "Contact_shopId_shopifyCustomerId_idx" ON "Contact"("shopId", "shopifyCustomerId");
CREATE UNIQUE INDEX "Contact_shopId_phone_key" ON "Contact"("shopId", "phone");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContactTag_shopId_tag_idx" ON "ContactTag"("shopId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_shopId_name_key" ON "Segment"("shopId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_shopId_idx" ON "ApiKey"("shopId");

