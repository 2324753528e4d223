-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "shopId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 2,
    "runAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedUntil" DATETIME,
    "lockedBy" TEXT,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "keepUntil" DATETIME,
    "finishedAt" DATETIME,
    "cancelReason" TEXT,
    CONSTRAINT "Job_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("attempts", "cancelReason", "createdAt", "dedupeKey", "finishedAt", "id", "kind", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "payload", "runAt", "shopId", "status", "updatedAt") SELECT "attempts", "cancelReason", "createdAt", "dedupeKey", "finishedAt", "id", "kind", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "payload", "runAt", "shopId", "status", "updatedAt" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");
CREATE INDEX "Job_status_shopId_priority_runAt_idx" ON "Job"("status", "shopId", "priority", "runAt");
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");
CREATE INDEX "Job_status_lockedUntil_idx" ON "Job"("status", "lockedUntil");
CREATE INDEX "Job_status_finishedAt_idx" ON "Job"("status", "finishedAt");
CREATE INDEX "Job_shopId_kind_status_idx" ON "Job"("shopId", "kind", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

