-- CreateTable
CREATE TABLE "award" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "title_code" TEXT,
    "title_text" TEXT,
    "honour_key" TEXT NOT NULL,
    "decision_number" TEXT,
    "decision_date" TIMESTAMPTZ(3),
    "recorded_by_id" INTEGER,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "award_member_idx" ON "award"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_member_honour_key" ON "award"("campaign_id", "member_id", "honour_key");

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
