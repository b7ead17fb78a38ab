-- DropIndex
DROP INDEX "reminder_plan_key";

-- AlterTable
ALTER TABLE "milestone" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "reminder" ADD COLUMN     "milestone_revision" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "reminder_plan_key" ON "reminder"("milestone_id", "milestone_revision", "offset_minutes", "member_id");

-- A moved deadline is a new revision of its milestone, whoever moves it (the officer's use case, a
-- script, a manual fix): reminders are planned per revision, so the new date gets its own reminders
-- even after the old date's went out, and the officers' summary is due again after the new date.
-- Written by hand: Prisma's schema does not describe triggers (and its diff leaves them alone).
CREATE FUNCTION "milestone_bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."due_at" IS DISTINCT FROM OLD."due_at" THEN
    IF NEW."revision" = OLD."revision" THEN
      NEW."revision" := OLD."revision" + 1;
    END IF;
    NEW."summary_queued_at" := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "milestone_revision_on_move" BEFORE UPDATE OF "due_at" ON "milestone"
  FOR EACH ROW EXECUTE FUNCTION "milestone_bump_revision"();
