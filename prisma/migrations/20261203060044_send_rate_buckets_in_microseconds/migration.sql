-- Booked slots live for seconds and the old rows are keyed by bare number in milliseconds:
-- nothing worth converting, so the table starts empty.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SendingRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "key" TEXT NOT NULL,
    "nextSlotUs" BIGINT NOT NULL,
    "grantedFromUs" BIGINT NOT NULL DEFAULT 0
);
DROP TABLE "SendingRate";
ALTER TABLE "new_SendingRate" RENAME TO "SendingRate";
CREATE UNIQUE INDEX "SendingRate_key_key" ON "SendingRate"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

