-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "handoffReason" TEXT;

-- AlterTable
ALTER TABLE "FaqEntry" ADD COLUMN     "phrasings" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "chatApiKeyEncrypted" TEXT;

