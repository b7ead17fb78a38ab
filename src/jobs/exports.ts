/**
 * The export runner: takes queued /export jobs (src/services/exports.ts) one at a time, off the
 * update path, and builds them. Jobs are rows in PostgreSQL claimed with a lease and
 * `FOR UPDATE SKIP LOCKED`, so any number of instances share them and a job whose process died is
 * taken again once its lease is over. One at a time per process: a workbook is CPU work, and the
 * chat stays responsive while it is built. The result leaves through the outbox (the dispatcher
 * delivers it), so the runner never talks to a channel.
 */
import type { Logger } from '../logger.js';
import type { ExportService } from '../services/exports.js';

export interface ExportRunnerOptions {
  exports: ExportService;
  /** Translates in a locale: the workbook's headers are in the requester's language. */
  t: (locale: string, key: string, vars?: Record<string, string | number>) => string;
  defaultLocale: string;
  logger: Logger;
  /** Called when a job queued a message (the dispatcher's poke), so it goes out at once. */
  onQueued?: () => void;
  /** How often an idle runner looks for jobs another instance queued (default 2 s). */
  intervalMs?: number;
}

export class ExportRunner {
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private poked = false;

  constructor(private readonly o: ExportRunnerOptions) {}

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** A job was queued here: look now rather than at the next interval. */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  /** Stops after the job in hand (its lease lets another instance finish it if this one is killed). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Runs every waiting job once; returns how many were taken (tests call this directly). */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.stopping && (await this.runOne())) n += 1;
    return n;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.poked = false;
      try {
        await this.drain();
      } catch (err) {
        this.o.logger.error({ err }, 'export runner failed');
      }
      if (this.stopping || this.poked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.o.intervalMs ?? 2000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async runOne(): Promise<boolean> {
    const { exports, logger } = this.o;
    const job = await exports.claim();
    if (!job) return false;
    const started = Date.now();
    const locale = (await exports.localeOf(job.requestedById)) ?? this.o.defaultLocale;
    try {
      const r = await exports.run(job, (key, vars) => this.o.t(locale, key, vars));
      if (r.ok) logger.info({ job: job.id, campaignId: job.campaignId, bytes: r.size, reports: r.reportRows, ms: Date.now() - started }, 'export built');
      else logger.warn({ job: job.id, reason: r.reason }, 'export refused');
    } catch (err) {
      const outcome = await exports.failed(job, err instanceof Error ? err.message : String(err));
      logger.error({ err, job: job.id, outcome }, 'export failed');
    }
    this.o.onQueued?.();
    return true;
  }
}
