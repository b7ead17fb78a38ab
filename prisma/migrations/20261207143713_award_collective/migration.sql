-- Honour roll for collectives (tập thể): an award names a member or a unit.
-- AlterTable
ALTER TABLE "award" ADD COLUMN     "unit_id" INTEGER,
ALTER COLUMN "member_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "award_unit_idx" ON "award"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_unit_honour_key" ON "award"("campaign_id", "unit_id", "honour_key");

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An award honours one person or one collective, never both, never neither.
ALTER TABLE "award" ADD CONSTRAINT "award_member_or_unit" CHECK (("member_id" IS NULL) <> ("unit_id" IS NULL));
