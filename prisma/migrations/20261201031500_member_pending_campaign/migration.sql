-- AlterTable
ALTER TABLE "member" ADD COLUMN     "pending_campaign" TEXT;
