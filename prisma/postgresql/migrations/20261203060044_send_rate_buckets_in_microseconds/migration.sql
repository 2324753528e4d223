-- Booked slots live for seconds and the old rows are keyed by bare number in milliseconds:
-- nothing worth converting, so the table starts empty.
DELETE FROM "SendingRate";

-- DropIndex
DROP INDEX "SendingRate_number_key";

-- AlterTable
ALTER TABLE "SendingRate" DROP COLUMN "nextSlotMs",
DROP COLUMN "number",
ADD COLUMN     "grantedFromUs" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "nextSlotUs" BIGINT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "SendingRate_key_key" ON "SendingRate"("key");

