-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SendingRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "key" TEXT NOT NULL,
    "nextSlotUs" BIGINT NOT NULL,
    "grantedFromUs" BIGINT NOT NULL DEFAULT 0,
    "backlogUntilUs" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "new_SendingRate" ("createdAt", "grantedFromUs", "id", "key", "nextSlotUs", "updatedAt") SELECT "createdAt", "grantedFromUs", "id", "key", "nextSlotUs", "updatedAt" FROM "SendingRate";
DROP TABLE "SendingRate";
ALTER TABLE "new_SendingRate" RENAME TO "SendingRate";
CREATE UNIQUE INDEX "SendingRate_key_key" ON "SendingRate"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

