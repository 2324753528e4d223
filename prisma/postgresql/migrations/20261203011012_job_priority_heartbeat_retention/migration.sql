-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "keepUntil" TIMESTAMP(3),
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE INDEX "Job_status_shopId_priority_runAt_idx" ON "Job"("status", "shopId", "priority", "runAt");

-- CreateIndex
CREATE INDEX "Job_status_lockedUntil_idx" ON "Job"("status", "lockedUntil");

-- CreateIndex
CREATE INDEX "Job_status_finishedAt_idx" ON "Job"("status", "finishedAt");

