-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "parts_sent" INTEGER NOT NULL DEFAULT 0;
