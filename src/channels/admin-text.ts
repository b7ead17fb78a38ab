/**
 * The unit tree (/units) and the audit log (/audit) as text, for every channel: Telegram sends it
 * as HTML, a text-only channel (Zalo) turns the same HTML into plain text. The facts come from
 * UnitService.treeFor and AuditService.viewFor, which decide who may see them; the audit log reads
 * as sentences with names (AuditService names who acted and on what: services/audit-names.ts).
 */
import type { EmulationGroup, Unit } from '../generated/prisma/client.js';
import { escapeHtml } from '../domain/text.js';
import { formatDateTime } from '../domain/dates.js';
import { joinPolicyLabel } from './join-text.js';
import type { AuditLine, AuditTarget } from '../services/audit-names.js';

/** Translates in the reader's language. */
type T = (key: string, vars?: Record<string, string | number>) => string;

/** Lines of the tree shown at most (the rest is counted). */
const MAX_TREE_LINES = 60;

/** What UnitService.treeFor gives an officer. */
export interface UnitTree {
  root: Unit | null;
  units: Array<Unit & { group: EmulationGroup | null }>;
  groups: Array<EmulationGroup & { _count: { units: number } }>;
}

/** The units under the reader's root, depth first by name, with their codes, emulation groups and joining policies. */
export function unitTreeHtml(t: T, tree: UnitTree): string {
  const { root, groups } = tree;
  const units = [...tree.units];
  // Depth-first order by name: sort by the chain of ancestor names.
  const byId = new Map(units.map((u) => [u.id, u]));
  const key = (u: (typeof units)[number]) =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id))?.name ?? '')
      .join('\u0000');
  units.sort((a, b) => key(a).localeCompare(key(b), 'vi'));
  const baseDepth = root ? root.path.split('/').filter(Boolean).length : 1;
  const lines = units.slice(0, MAX_TREE_LINES).map((u) => {
    const depth = u.path.split('/').filter(Boolean).length - baseDepth;
    const group = u.group ? ` · ${escapeHtml(u.group.code)}` : '';
    return `${'  '.repeat(Math.max(0, depth))}• ${escapeHtml(u.name)} <code>${escapeHtml(u.code)}</code>${group} · ${joinPolicyLabel(t, u.joinPolicy)}`;
  });
  let text = `${t('units-tree-title', { count: units.length })}\n${lines.join('\n')}`;
  if (units.length > MAX_TREE_LINES) text += `\n${t('units-tree-more', { count: units.length - MAX_TREE_LINES })}`;
  if (groups.length > 0) {
    text += `\n\n${t('units-groups-title')}\n${groups.map((g) => t('units-group-line', { name: escapeHtml(g.name), kind: g.kind, code: escapeHtml(g.code), count: g._count.units })).join('\n')}`;
  }
  return text;
}

/**
 * Actions with a sentence of their own (`audit-do-<action, dots as dashes>`); any other action
 * (a newer one, or one of a branch not yet worded) reads as the generic sentence.
 */
const WORDED = new Set([
  'audit.view',
  'broadcast.stop',
  'campaign.amend',
  'campaign.announce',
  'export.request',
  'export.xlsx',
  'honours.publish',
  'honours.record',
  'stats.export',
  'stats.view',
  'campaign.archive',
  'campaign.close',
  'campaign.create',
  'campaign.edit',
  'campaign.import',
  'campaign.launch',
  'campaign.view',
  'group.create',
  'group.link',
  'group.relink',
  'group.keep',
  'join.list',
  'member.join.approve',
  'member.join.decline',
  'member.join.request',
  'member.link',
  'member.link.code',
  'member.move',
  'member.unit.change',
  'registration.approve',
  'registration.list',
  'registration.return',
  'reminders.nudge',
  'report.evidence',
  'review.open',
  'review.status',
  'review.submit',
  'role.demote',
  'role.grant',
  'role.revoke',
  'unit.create',
  'unit.import',
  'unit.invite',
  'unit.join_policy',
  'units.view',
]);

/** Refusal reasons with words of their own (`audit-reason-<reason>`); others read as the generic one. */
const REASONS = new Set(['forbidden', 'out_of_scope', 'no_unit', 'not_found', 'not_launched', 'not_officer', 'not_draft', 'not_in_audience', 'not_yours', 'code_taken']);

/** The words naming a target, escaped. */
function targetHtml(t: T, target: AuditTarget): string {
  switch (target.kind) {
    case 'campaign':
      return t('audit-t-campaign', { title: escapeHtml(target.title) });
    case 'registration':
    case 'report':
      return t(`audit-t-${target.kind}`, { name: escapeHtml(target.name), title: escapeHtml(target.title) });
    case 'milestone':
      return t('audit-t-milestone', { what: t(`reminder-what-${target.milestoneKind}`), title: escapeHtml(target.title) });
    case 'raw':
      return escapeHtml(target.text);
    default:
      return escapeHtml(target.name);
  }
}

/** Who acted, when they had no name: the system, or their channel account. */
function actorHtml(t: T, line: AuditLine): string {
  if (line.actorName) return escapeHtml(line.actorName);
  const ref = line.actorRef ?? '';
  if (ref.startsWith('config:')) return t('audit-actor-system');
  const m = /^(tg|zalo):(.+)$/.exec(ref);
  if (m) return t(m[1] === 'tg' ? 'audit-actor-telegram' : 'audit-actor-zalo', { id: escapeHtml(m[2]!) });
  return t('audit-actor-unknown');
}

/** One entry as a sentence: "Lê Văn A cấp quyền cán bộ cho Võ Thị B — 17:02 01/12/2026". */
export function auditSentence(t: T, line: AuditLine): string {
  const actor = actorHtml(t, line);
  const target = line.target ? targetHtml(t, line.target) : '';
  const vars = { actor, target, hasTarget: line.target ? 'yes' : 'no', action: escapeHtml(line.action) };
  let sentence = WORDED.has(line.action) ? t(`audit-do-${line.action.replace(/\./g, '-')}`, vars) : t('audit-do-other', vars);
  if (line.outcome === 'REFUSED') {
    const reason = line.reason && REASONS.has(line.reason) ? t(`audit-reason-${line.reason}`) : t('audit-reason-other');
    sentence = t('audit-refused', { sentence, reason });
  }
  return `${sentence} — ${formatDateTime(line.at)}`;
}

/** The latest audit entries, one sentence each (HTML). */
export function auditHtml(t: T, lines: readonly AuditLine[]): string {
  return `${t('audit-title')}\n${lines.map((l) => `• ${auditSentence(t, l)}`).join('\n')}`;
}
