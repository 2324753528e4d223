-- AlterTable
ALTER TABLE "SendingRate" ADD COLUMN     "backlogUntilUs" BIGINT NOT NULL DEFAULT 0;

