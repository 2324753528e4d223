-- AlterTable
ALTER TABLE "Checkout" ADD COLUMN     "recoveryStatus" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "recoveryStep" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recoveryStopReason" TEXT;

