-- AlterTable
ALTER TABLE "member" ADD COLUMN     "preferred_channel" "Channel";

-- CreateTable
CREATE TABLE "link_code" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_code_member_id_key" ON "link_code"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "link_code_code_key" ON "link_code"("code");

-- CreateIndex
CREATE INDEX "link_code_expiry_idx" ON "link_code"("expires_at");

-- AddForeignKey
ALTER TABLE "link_code" ADD CONSTRAINT "link_code_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
