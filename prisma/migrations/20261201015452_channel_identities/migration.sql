-- Channel identities (issue 9): a member is reached through one identity per channel instead of
-- member.telegram_id / member.zalo_id, and reachability belongs to the identity, so a 403 on one
-- channel no longer silences the member on the others. Every existing member keeps their ids.

-- CreateTable
CREATE TABLE "channel_identity" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "external_id" TEXT NOT NULL,
    "reachable" BOOLEAN NOT NULL DEFAULT true,
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_identity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "channel_identity_member_idx" ON "channel_identity"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identity_key" ON "channel_identity"("channel", "external_id");

-- AddForeignKey
ALTER TABLE "channel_identity" ADD CONSTRAINT "channel_identity_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (by hand): one TELEGRAM identity per telegram_id and one ZALO identity per zalo_id,
-- carrying the member's reachable flag and last contact; first seen when the member was created.
INSERT INTO "channel_identity" ("member_id", "channel", "external_id", "reachable", "last_seen_at", "created_at")
SELECT "id", 'TELEGRAM'::"Channel", "telegram_id"::text, "reachable", "last_seen_at", "created_at" FROM "member" WHERE "telegram_id" IS NOT NULL
UNION ALL
SELECT "id", 'ZALO'::"Channel", "zalo_id", "reachable", "last_seen_at", "created_at" FROM "member" WHERE "zalo_id" IS NOT NULL
ORDER BY 1, 2;

-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "identity_id" INTEGER;

-- Backfill (by hand): rows already in the outbox go to the identity they were addressed to.
UPDATE "delivery" d SET "identity_id" = ci."id"
FROM "channel_identity" ci
WHERE d."member_id" = ci."member_id" AND d."channel" = ci."channel" AND d."chat_id" = ci."external_id";

-- CreateIndex
CREATE INDEX "delivery_identity_status_idx" ON "delivery"("identity_id", "status");

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "channel_identity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "member_telegram_id_key";

-- DropIndex
DROP INDEX "member_zalo_id_key";

-- AlterTable
ALTER TABLE "member" DROP COLUMN "reachable",
DROP COLUMN "telegram_id",
DROP COLUMN "zalo_id";
