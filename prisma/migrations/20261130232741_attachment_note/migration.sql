-- AlterTable
ALTER TABLE "attachment" ADD COLUMN     "note" TEXT;
