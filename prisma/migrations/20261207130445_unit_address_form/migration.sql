-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "address_form" TEXT;
