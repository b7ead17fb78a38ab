-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'ZALO');

-- CreateEnum
CREATE TYPE "GroupKind" AS ENUM ('BLOCK', 'CLUSTER');

-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('REGULAR', 'THEMATIC');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'LAUNCHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Scope" AS ENUM ('INDIVIDUAL', 'COLLECTIVE');

-- CreateEnum
CREATE TYPE "Measure" AS ENUM ('NUMBER', 'YES_NO', 'TEXT');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('REGISTRATION', 'PROGRESS_REPORT', 'MIDTERM_REVIEW', 'FINAL_REVIEW', 'CUSTOM');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('PHOTO', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "BroadcastKind" AS ENUM ('LAUNCH', 'ANNOUNCEMENT', 'REMINDER', 'DIGEST', 'SUMMARY', 'NOTICE');

-- CreateEnum
CREATE TYPE "BroadcastStatus" AS ENUM ('QUEUED', 'SENDING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNREACHABLE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PLANNED', 'QUEUED', 'SKIPPED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('OK', 'REFUSED');

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_search" TEXT NOT NULL,
    "parent_id" INTEGER,
    "path" TEXT NOT NULL DEFAULT '/',
    "group_id" INTEGER,
    "invite_code" TEXT NOT NULL,
    "require_registration" BOOLEAN NOT NULL DEFAULT true,
    "quota_policy" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emulation_group" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "GroupKind" NOT NULL DEFAULT 'BLOCK',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emulation_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" SERIAL NOT NULL,
    "telegram_id" BIGINT,
    "zalo_id" TEXT,
    "full_name" TEXT,
    "name_search" TEXT,
    "unit_id" INTEGER,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "reachable" BOOLEAN NOT NULL DEFAULT true,
    "reminders_enabled" BOOLEAN NOT NULL DEFAULT true,
    "left_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slogan" TEXT,
    "description" TEXT,
    "issuer" TEXT,
    "kind" "CampaignKind" NOT NULL DEFAULT 'THEMATIC',
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "address_form" TEXT NOT NULL DEFAULT 'Đồng chí',
    "owner_unit_id" INTEGER,
    "created_by_id" INTEGER,
    "launched_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "source" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_audience_unit" (
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,

    CONSTRAINT "campaign_audience_unit_pkey" PRIMARY KEY ("campaign_id","unit_id")
);

-- CreateTable
CREATE TABLE "campaign_audience_group" (
    "campaign_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,

    CONSTRAINT "campaign_audience_group_pkey" PRIMARY KEY ("campaign_id","group_id")
);

-- CreateTable
CREATE TABLE "criterion" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "measure" "Measure" NOT NULL DEFAULT 'TEXT',
    "unit_of_measure" TEXT,
    "target" DECIMAL(18,4),
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_title" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT,
    "scope" "Scope" NOT NULL,
    "custom" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_title_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "title" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "remind_offsets" INTEGER[],
    "series" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "summary_queued_at" TIMESTAMPTZ(3),

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "scope" "Scope" NOT NULL,
    "member_id" INTEGER,
    "unit_id" INTEGER,
    "title_code" TEXT NOT NULL,
    "basis" TEXT,
    "initiative_title" TEXT,
    "status" "RegistrationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "return_reason" TEXT,
    "submitted_by_id" INTEGER,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "digested_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment" (
    "id" SERIAL NOT NULL,
    "registration_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "target_number" DECIMAL(18,4),
    "target_bool" BOOLEAN,
    "target_text" TEXT,

    CONSTRAINT "commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_report" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "milestone_id" INTEGER,
    "value_number" DECIMAL(18,4),
    "value_bool" BOOLEAN,
    "value_text" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "progress_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_report" (
    "id" SERIAL NOT NULL,
    "milestone_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "submitted_by_id" INTEGER,
    "figures" JSONB,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" SERIAL NOT NULL,
    "progress_report_id" INTEGER,
    "review_report_id" INTEGER,
    "channel" "Channel" NOT NULL DEFAULT 'TELEGRAM',
    "kind" "AttachmentKind" NOT NULL,
    "file_id" TEXT NOT NULL,
    "file_unique_id" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcast" (
    "id" SERIAL NOT NULL,
    "kind" "BroadcastKind" NOT NULL,
    "campaign_id" INTEGER,
    "created_by_id" INTEGER,
    "status" "BroadcastStatus" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "progress_chat_id" TEXT,
    "progress_message_id" INTEGER,
    "progress_updated_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" BIGSERIAL NOT NULL,
    "broadcast_id" INTEGER,
    "channel" "Channel" NOT NULL DEFAULT 'TELEGRAM',
    "member_id" INTEGER,
    "group_chat_id" INTEGER,
    "chat_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "not_before" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "external_message_id" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder" (
    "id" BIGSERIAL NOT NULL,
    "milestone_id" INTEGER NOT NULL,
    "offset_minutes" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PLANNED',
    "delivery_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_chat" (
    "id" SERIAL NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'TELEGRAM',
    "chat_id" TEXT NOT NULL,
    "title" TEXT,
    "unit_id" INTEGER NOT NULL,
    "linked_by_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_ref" TEXT,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'OK',
    "target" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "unit_invite_code_key" ON "unit"("invite_code");

-- CreateIndex
CREATE INDEX "unit_children_idx" ON "unit"("parent_id");

-- CreateIndex
CREATE INDEX "unit_subtree_idx" ON "unit"("path");

-- CreateIndex
CREATE INDEX "unit_name_search_idx" ON "unit"("name_search");

-- CreateIndex
CREATE UNIQUE INDEX "emulation_group_code_key" ON "emulation_group"("code");

-- CreateIndex
CREATE UNIQUE INDEX "member_telegram_id_key" ON "member"("telegram_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_zalo_id_key" ON "member"("zalo_id");

-- CreateIndex
CREATE INDEX "member_unit_role_idx" ON "member"("unit_id", "role");

-- CreateIndex
CREATE INDEX "member_name_search_idx" ON "member"("name_search");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_code_key" ON "campaign"("code");

-- CreateIndex
CREATE INDEX "campaign_active_idx" ON "campaign"("status", "ends_at");

-- CreateIndex
CREATE INDEX "audience_unit_by_unit_idx" ON "campaign_audience_unit"("unit_id");

-- CreateIndex
CREATE INDEX "criterion_children_idx" ON "criterion"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_code_key" ON "criterion"("campaign_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_title_code_key" ON "campaign_title"("campaign_id", "code");

-- CreateIndex
CREATE INDEX "milestone_campaign_due_idx" ON "milestone"("campaign_id", "due_at");

-- CreateIndex
CREATE INDEX "milestone_due_idx" ON "milestone"("due_at");

-- CreateIndex
CREATE INDEX "registration_campaign_status_idx" ON "registration"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "registration_digest_idx" ON "registration"("campaign_id", "digested_at");

-- CreateIndex
CREATE UNIQUE INDEX "registration_member_key" ON "registration"("campaign_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "registration_unit_key" ON "registration"("campaign_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "commitment_line_key" ON "commitment"("registration_id", "criterion_id");

-- CreateIndex
CREATE INDEX "report_period_member_idx" ON "progress_report"("milestone_id", "member_id");

-- CreateIndex
CREATE INDEX "report_member_line_idx" ON "progress_report"("member_id", "criterion_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "review_report_unit_key" ON "review_report"("milestone_id", "unit_id");

-- CreateIndex
CREATE INDEX "attachment_report_idx" ON "attachment"("progress_report_id");

-- CreateIndex
CREATE INDEX "attachment_review_idx" ON "attachment"("review_report_id");

-- CreateIndex
CREATE INDEX "broadcast_status_idx" ON "broadcast"("status");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_dedupe_key_key" ON "delivery"("dedupe_key");

-- CreateIndex
CREATE INDEX "delivery_due_idx" ON "delivery"("status", "not_before");

-- CreateIndex
CREATE INDEX "delivery_lease_idx" ON "delivery"("status", "lease_until");

-- CreateIndex
CREATE INDEX "delivery_broadcast_status_idx" ON "delivery"("broadcast_id", "status");

-- CreateIndex
CREATE INDEX "reminder_due_idx" ON "reminder"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_plan_key" ON "reminder"("milestone_id", "offset_minutes", "member_id");

-- CreateIndex
CREATE INDEX "group_chat_unit_idx" ON "group_chat"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "group_chat_key" ON "group_chat"("channel", "chat_id");

-- CreateIndex
CREATE INDEX "audit_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_action_idx" ON "audit_log"("action", "at");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "emulation_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_owner_unit_id_fkey" FOREIGN KEY ("owner_unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audience_unit" ADD CONSTRAINT "campaign_audience_unit_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audience_unit" ADD CONSTRAINT "campaign_audience_unit_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audience_group" ADD CONSTRAINT "campaign_audience_group_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audience_group" ADD CONSTRAINT "campaign_audience_group_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "emulation_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion" ADD CONSTRAINT "criterion_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion" ADD CONSTRAINT "criterion_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_title" ADD CONSTRAINT "campaign_title_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_report" ADD CONSTRAINT "review_report_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_report" ADD CONSTRAINT "review_report_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_report" ADD CONSTRAINT "review_report_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_progress_report_id_fkey" FOREIGN KEY ("progress_report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_review_report_id_fkey" FOREIGN KEY ("review_report_id") REFERENCES "review_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcast" ADD CONSTRAINT "broadcast_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "broadcast" ADD CONSTRAINT "broadcast_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcast"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_group_chat_id_fkey" FOREIGN KEY ("group_chat_id") REFERENCES "group_chat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_chat" ADD CONSTRAINT "group_chat_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_chat" ADD CONSTRAINT "group_chat_linked_by_id_fkey" FOREIGN KEY ("linked_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
