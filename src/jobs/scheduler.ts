import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import type { ReminderTickResult } from '../services/reminders.js';
import { queueRegistrationDigests } from '../services/registrations.js';

export interface SchedulerOptions {
  services: Services;
  logger: Logger;
  /** The cron's time zone (Asia/Ho_Chi_Minh, see domain/dates VN_TIME_ZONE). */
  timezone: string;
  /** Called after a tick queued outbox rows (the dispatcher's poke), so they go out at once. */
  onQueued?: () => void;
}

/**
 * The scheduler (bộ hẹn giờ): node-cron every minute, in Vietnam time, never overlapping itself.
 * Each tick plans the reminders whose time has come, queues due ones into the outbox, sends the
 * officers' after-deadline summaries and the registration digests; once a day it drops what is no
 * longer kept (src/services/retention.ts). Every step is idempotent and
 * claim-based, so several instances may tick at once; tests call {@link Scheduler.tick} directly
 * with a controlled clock.
 */
export class Scheduler {
  private task: ScheduledTask | null = null;
  /** Horizon of the previous planning pass; null until the first (catch-up) pass. */
  private lastHorizon: Date | null = null;
  private running: Promise<unknown> = Promise.resolve();
  /** When this process last swept old files (src/services/retention.ts): once a day, the first tick included. */
  private lastSweep: number | null = null;

  constructor(private readonly o: SchedulerOptions) {}

  /** Starts the cron (idempotent). The first tick runs at once, catching up after downtime. */
  start(): void {
    if (this.task) return;
    this.task = cron.schedule('* * * * *', () => this.tick().then(() => undefined), {
      timezone: this.o.timezone,
      noOverlap: true,
      name: 'reminders',
    });
    void this.tick();
  }

  /** Stops the cron and waits for a tick in progress. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.running.catch(() => undefined);
  }

  /**
   * One pass at `now` (default the services' clock). Serialised within the process; errors are
   * logged, never thrown (a bad row must not stop reminders for everyone).
   */
  tick(now: Date = this.o.services.now()): Promise<ReminderTickResult & { digests: number }> {
    const run = this.running.catch(() => undefined).then(() => this.pass(now));
    this.running = run;
    return run;
  }

  private async pass(now: Date): Promise<ReminderTickResult & { digests: number }> {
    const { services, logger } = this.o;
    const result = { planned: 0, queued: 0, deliveries: 0, skipped: 0, cancelled: 0, summaries: 0, digests: 0 };
    const started = Date.now();
    try {
      // Overlap the previous window by two minutes: a campaign launched during the last tick is not missed.
      const after = this.lastHorizon ? new Date(Math.min(this.lastHorizon.getTime(), now.getTime()) - 120_000) : null;
      result.planned = await services.reminders.plan(now, after);
      this.lastHorizon = new Date(now.getTime() + 60_000);
      Object.assign(result, await services.reminders.queueDue(now));
      result.summaries = await services.reminders.queueSummaries(now);
      result.digests = await queueRegistrationDigests(services, now).catch((err: unknown) => {
        logger.warn({ err }, 'registration digests failed');
        return 0;
      });
      if (result.deliveries + result.summaries + result.digests > 0) this.o.onQueued?.();
      if (this.lastSweep === null || now.getTime() - this.lastSweep >= 86_400_000) {
        this.lastSweep = now.getTime();
        const swept = await services.retention.sweep(now).catch((err: unknown) => {
          logger.warn({ err }, 'retention sweep failed');
          return null;
        });
        if (swept && swept.workbooks + swept.files > 0) logger.info(swept, 'retention sweep');
      }
      const ms = Date.now() - started;
      if (result.planned + result.deliveries + result.summaries + result.cancelled > 0) logger.info({ ...result, ms }, 'scheduler tick');
    } catch (err) {
      logger.error({ err }, 'scheduler tick failed');
    }
    return result;
  }
}
