-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "export_job" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "chat_id" TEXT NOT NULL,
    "scope_path" TEXT,
    "status" "ExportStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "error" TEXT,
    "file_name" TEXT,
    "content" BYTEA,
    "size" INTEGER,
    "report_rows" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "export_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_job_status_idx" ON "export_job"("status", "created_at");
