import type { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { authorize, type ActorRef } from './actors.js';
import { auditLines } from './audit-names.js';

/** Anything that can write audit rows: the client or a transaction client. */
export type AuditDb = Pick<PrismaClient, 'auditLog'>;

/** What an audit entry records: who, what, on what, and whether it was allowed. */
export interface AuditEntry {
  actorId?: number | null;
  /** The channel user id ("tg:123"), kept even when the actor has no Member row. */
  actorRef?: string | null;
  action: string;
  outcome?: 'OK' | 'REFUSED';
  target?: string | null;
  details?: Prisma.InputJsonValue;
  /** When it happened, for a use case that runs on its own clock (default: the database's now). */
  at?: Date;
}

/**
 * Nhật ký — the audit log. Grants, revokes, imports and every refusal are written here so an
 * officer can later show who did what and when. Entries are never updated.
 */
export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Writes one entry. Use cases pass their transaction (`db`) so the decision and its audit row
   * commit together: a refusal or a change is never recorded without the other.
   */
  async record(entry: AuditEntry, db: AuditDb = this.prisma): Promise<void> {
    await writeAudit(db, entry);
  }

  /**
   * /audit: the latest entries, for admins only, with the names of who acted and on what
   * (audit-names.ts). Reading the log is itself recorded (who looked), and so is a refusal.
   */
  async viewFor(actor: ActorRef, opts: { limit?: number } = {}) {
    const r = await this.prisma.$transaction(async (tx) => {
      const who = await authorize(tx, actor, { action: 'audit.view', need: 'ADMIN' });
      if (!who.ok) return { ok: false as const, reason: who.reason };
      const rows = await tx.auditLog.findMany({ orderBy: { id: 'desc' }, take: opts.limit ?? 50 });
      await writeAudit(tx, { actorId: who.actor.id, actorRef: who.actor.ref, action: 'audit.view', details: { entries: rows.length } });
      return { ok: true as const, rows };
    });
    if (!r.ok) return r;
    // Names, not ids: one query per kind of thing the page names — after the transaction, whose one
    // connection would otherwise get them all at once.
    return { ok: true as const, entries: await auditLines(this.prisma, r.rows) };
  }

  /** Most recent entries first, optionally for one action (trusted reads: tests and tools). */
  async recent(opts: { action?: string; limit?: number } = {}) {
    return this.prisma.auditLog.findMany({
      where: opts.action ? { action: opts.action } : {},
      orderBy: { id: 'desc' },
      take: opts.limit ?? 50,
    });
  }
}

/**
 * Writes one audit entry through `db` — the use case's own transaction, so the decision and its
 * audit row (OK or REFUSED) commit together. Services that decide permissions call this directly.
 */
export async function writeAudit(db: AuditDb, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      actorRef: entry.actorRef ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'OK',
      target: entry.target ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
