/**
 * The unit tree (/units) and the audit log (/audit) as text, for every channel: Telegram sends it
 * as HTML, a text-only channel (Zalo) turns the same HTML into plain text. The facts come from
 * UnitService.treeFor and AuditService.viewFor, which decide who may see them.
 */
import type { EmulationGroup, Unit } from '../generated/prisma/client.js';
import { escapeHtml } from '../domain/text.js';
import { formatDateTime } from '../domain/dates.js';
import { joinPolicyLabel } from './join-text.js';

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

/** The latest audit entries, one line each (HTML-escaped). */
export function auditHtml(
  t: T,
  entries: ReadonlyArray<{ at: Date; action: string; outcome: string; actorRef: string | null; actorId: number | null; target: string | null }>,
): string {
  const lines = entries.map((e) =>
    escapeHtml(
      t('audit-line', {
        at: formatDateTime(e.at),
        action: e.action,
        outcome: e.outcome,
        actor: e.actorRef ?? String(e.actorId ?? '—'),
        target: e.target ? ` → ${e.target}` : '',
      }),
    ),
  );
  return `${t('audit-title')}\n${lines.join('\n')}`;
}
