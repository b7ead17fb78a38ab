-- CreateEnum
CREATE TYPE "JoinPolicy" AS ENUM ('OPEN', 'INVITE_ONLY', 'APPROVAL');

-- AlterTable
-- Units that exist now keep being open (anyone could pick them until today: nobody's way in changes
-- silently); units created from now on are invite-only unless their creator says otherwise.
ALTER TABLE "unit" ADD COLUMN     "join_policy" "JoinPolicy" NOT NULL DEFAULT 'OPEN';
ALTER TABLE "unit" ALTER COLUMN "join_policy" SET DEFAULT 'INVITE_ONLY';

-- CreateTable
CREATE TABLE "join_request" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "notified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "join_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "join_request_member_id_key" ON "join_request"("member_id");

-- CreateIndex
CREATE INDEX "join_request_unit_idx" ON "join_request"("unit_id");

-- AddForeignKey
ALTER TABLE "join_request" ADD CONSTRAINT "join_request_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_request" ADD CONSTRAINT "join_request_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
