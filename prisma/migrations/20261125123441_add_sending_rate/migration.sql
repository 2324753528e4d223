-- CreateTable
CREATE TABLE "SendingRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "number" TEXT NOT NULL,
    "nextSlotMs" BIGINT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SendingRate_number_key" ON "SendingRate"("number");

