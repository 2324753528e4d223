-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "handoffReason" TEXT;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "chatApiKeyEncrypted" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FaqEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "topic" TEXT,
    "phrasings" TEXT NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "FaqEntry_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FaqEntry" ("answer", "createdAt", "enabled", "id", "question", "shopId", "topic", "updatedAt") SELECT "answer", "createdAt", "enabled", "id", "question", "shopId", "topic", "updatedAt" FROM "FaqEntry";
DROP TABLE "FaqEntry";
ALTER TABLE "new_FaqEntry" RENAME TO "FaqEntry";
CREATE INDEX "FaqEntry_shopId_idx" ON "FaqEntry"("shopId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

