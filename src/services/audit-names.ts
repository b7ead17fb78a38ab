/**
 * Names for the audit log (issue 12 #13): an entry stores ids (`actorId`, `target` as
 * "member:12", "campaign:3", "registration:40" …) so it stays true when names change; the reader
 * wants "Lê Văn A cấp quyền cán bộ cho Võ Thị B". This module resolves a page of entries in one
 * query per kind of thing named (members, units, campaigns, registrations, milestones, reports,
 * groups), never one per entry. What it gives is data; the words are the renderer's
 * (src/channels/admin-text.ts), in the reader's language.
 */
import type { PrismaClient } from '../generated/prisma/client.js';

/** What an entry's target names, resolved: its kind and the words that name it (no markup). */
export type AuditTarget =
  | { kind: 'member' | 'unit' | 'group' | 'chat'; name: string }
  | { kind: 'campaign'; title: string }
  /** A registration or a progress report: whose, in which campaign. */
  | { kind: 'registration' | 'report'; name: string; title: string }
  /** A milestone: what it asks (its kind) in which campaign. */
  | { kind: 'milestone'; milestoneKind: string; title: string }
  /** A target the bot could not name (deleted, or of a kind it does not know): shown as stored. */
  | { kind: 'raw'; text: string };

/** An audit entry as the log shows it: who by name (or how they were known), what, on what, why refused. */
export interface AuditLine {
  at: Date;
  action: string;
  outcome: 'OK' | 'REFUSED';
  /** The actor's full name, or null when they had none (then `actorRef` says who). */
  actorName: string | null;
  actorRef: string | null;
  target: AuditTarget | null;
  /** A refusal's reason code (`details.reason`), when it has one. */
  reason: string | null;
}

/** The fields of an audit row this module reads. */
export interface AuditRow {
  at: Date;
  action: string;
  outcome: string;
  actorId: number | null;
  actorRef: string | null;
  target: string | null;
  details: unknown;
}

type Kind = 'member' | 'unit' | 'campaign' | 'registration' | 'milestone' | 'report' | 'group' | 'group_chat';
const KINDS = new Set<string>(['member', 'unit', 'campaign', 'registration', 'milestone', 'report', 'group', 'group_chat']);

/** "member:12" → { kind: 'member', id: 12 }; a code ("unit:HUYEN") or an unknown kind → null. */
function parseTarget(target: string | null): { kind: Kind; id: number } | null {
  const m = /^([a-z_]+):(\d{1,10})$/.exec(target ?? '');
  return m && KINDS.has(m[1]!) ? { kind: m[1] as Kind, id: Number(m[2]) } : null;
}

/** The tables names are read from: the client or a transaction client. */
export type NamesDb = Pick<PrismaClient, 'member' | 'unit' | 'campaign' | 'registration' | 'milestone' | 'progressReport' | 'emulationGroup' | 'groupChat'>;

const ids = (set: Set<number>) => [...set];

/** Resolves the names of a page of audit rows, one query per kind present. */
export async function auditLines(prisma: NamesDb, rows: readonly AuditRow[]): Promise<AuditLine[]> {
  const want = new Map<Kind, Set<number>>();
  const need = (kind: Kind, id: number) => (want.get(kind) ?? want.set(kind, new Set()).get(kind)!).add(id);
  for (const r of rows) {
    if (r.actorId !== null) need('member', r.actorId);
    const t = parseTarget(r.target);
    if (t) need(t.kind, t.id);
  }
  const of = (kind: Kind) => ids(want.get(kind) ?? new Set());
  const [members, units, campaigns, registrations, milestones, reports, groups, chats] = await Promise.all([
    of('member').length ? prisma.member.findMany({ where: { id: { in: of('member') } }, select: { id: true, fullName: true } }) : [],
    of('unit').length ? prisma.unit.findMany({ where: { id: { in: of('unit') } }, select: { id: true, name: true } }) : [],
    of('campaign').length ? prisma.campaign.findMany({ where: { id: { in: of('campaign') } }, select: { id: true, title: true } }) : [],
    of('registration').length
      ? prisma.registration.findMany({
          where: { id: { in: of('registration') } },
          select: { id: true, member: { select: { fullName: true } }, unit: { select: { name: true } }, campaign: { select: { title: true } } },
        })
      : [],
    of('milestone').length
      ? prisma.milestone.findMany({ where: { id: { in: of('milestone') } }, select: { id: true, kind: true, campaign: { select: { title: true } } } })
      : [],
    of('report').length
      ? prisma.progressReport.findMany({ where: { id: { in: of('report') } }, select: { id: true, member: { select: { fullName: true } }, campaign: { select: { title: true } } } })
      : [],
    of('group').length ? prisma.emulationGroup.findMany({ where: { id: { in: of('group') } }, select: { id: true, name: true } }) : [],
    of('group_chat').length ? prisma.groupChat.findMany({ where: { id: { in: of('group_chat') } }, select: { id: true, title: true } }) : [],
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.fullName]));
  const named = new Map<string, AuditTarget>();
  for (const m of members) if (m.fullName) named.set(`member:${m.id}`, { kind: 'member', name: m.fullName });
  for (const u of units) named.set(`unit:${u.id}`, { kind: 'unit', name: u.name });
  for (const c of campaigns) named.set(`campaign:${c.id}`, { kind: 'campaign', title: c.title });
  for (const g of registrations) named.set(`registration:${g.id}`, { kind: 'registration', name: g.member?.fullName ?? g.unit?.name ?? '—', title: g.campaign.title });
  for (const m of milestones) named.set(`milestone:${m.id}`, { kind: 'milestone', milestoneKind: m.kind, title: m.campaign.title });
  for (const p of reports) named.set(`report:${p.id}`, { kind: 'report', name: p.member.fullName ?? '—', title: p.campaign.title });
  for (const g of groups) named.set(`group:${g.id}`, { kind: 'group', name: g.name });
  for (const c of chats) if (c.title) named.set(`group_chat:${c.id}`, { kind: 'chat', name: c.title });
  return rows.map((r) => {
    const details = r.details && typeof r.details === 'object' && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {};
    return {
      at: r.at,
      action: r.action,
      outcome: r.outcome === 'REFUSED' ? 'REFUSED' : 'OK',
      actorName: r.actorId !== null ? (memberName.get(r.actorId) ?? null) : null,
      actorRef: r.actorRef,
      target: r.target === null ? null : (named.get(r.target) ?? { kind: 'raw', text: r.target }),
      reason: typeof details.reason === 'string' ? details.reason : null,
    };
  });
}
