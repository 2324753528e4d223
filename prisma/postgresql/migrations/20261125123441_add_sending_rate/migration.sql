-- CreateTable
CREATE TABLE "SendingRate" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "number" TEXT NOT NULL,
    "nextSlotMs" BIGINT NOT NULL,

    CONSTRAINT "SendingRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SendingRate_number_key" ON "SendingRate"("number");

