/**
 * How joining-policy answers read, for every channel (Telegram renders the HTML, a text channel
 * strips it): /joinpolicy's outcome, a unit's policy in /units, and the lines of /joins. Decisions
 * are the services'; this only words their results.
 */
import { parseAddressForm } from '../domain/address.js';
import { escapeHtml } from '../domain/text.js';
import { formatDateTime } from '../domain/dates.js';
import { JOIN_POLICY_WORDS, parseJoinPolicy, type JoinPolicy } from '../domain/join-policy.js';
import type { Services } from '../services/index.js';
import type { PendingJoin } from '../services/join-requests.js';

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * What someone without a unit hears when they ask for something that needs one: a person whose join
 * request waits for approval is told it waits (not to start again, which would file another);
 * anyone else gets the channel's own "join first" text (`otherwise`: it names /start or «bắt đầu»).
 */
export async function notJoinedText(t: T, services: Pick<Services, 'members'>, memberId: number | null, otherwise: string): Promise<string> {
  const pending = memberId === null ? null : await services.members.pendingJoin(memberId);
  return pending ? t('join-pending-wait', { unit: escapeHtml(pending.unit) }) : t(otherwise);
}

/** "🔑 chỉ vào bằng mã mời": a unit's policy as /units and /joinpolicy say it. */
export function joinPolicyLabel(t: T, policy: JoinPolicy): string {
  return t(`join-policy-${policy}`);
}

/** Why a unit setting (join policy, form of address) was not changed, as the services say it. */
function unitSettingRefusal(t: T, r: { reason: string; code?: string; unit?: { name: string } | null }, code: string): string {
  if (r.reason === 'unknown_unit') return t('invite-unknown-unit', { code: escapeHtml(r.code ?? code) });
  if (r.reason === 'forbidden') return t('forbidden');
  return t('forbidden-scope', { unit: escapeHtml(r.unit?.name ?? code) });
}

/**
 * /joinpolicy CODE open|invite|approval (Zalo: «chế độ tham gia CODE mở»): reads the arguments,
 * asks `units.setJoinPolicy` (which decides and audits) and says the outcome as HTML.
 */
export async function setJoinPolicyText(services: Services, actorId: number, args: string, t: T): Promise<string> {
  const [code = '', ...rest] = args.trim().split(/\s+/);
  const policy = parseJoinPolicy(rest.join(' '));
  if (!code || !policy) return t('joinpolicy-usage');
  const r = await services.units.setJoinPolicy({ actor: { id: actorId }, code, policy });
  if (!r.ok) return unitSettingRefusal(t, r, code);
  return t('joinpolicy-done', { unit: escapeHtml(r.unit.name), policy: joinPolicyLabel(t, policy), word: JOIN_POLICY_WORDS[policy] });
}

/** One pending request as a line of /joins: «#12 Nguyễn Văn A → Xã Đồng Khởi (mã mời) — 09:30 07/12/2026». */
export function pendingJoinLine(t: T, item: PendingJoin): string {
  return t('joins-line', {
    id: item.id,
    name: item.name ? escapeHtml(item.name) : t('join-no-name'),
    unit: escapeHtml(item.unit),
    via: item.via,
    at: formatDateTime(item.at),
  });
}

/**
 * /addressform CODE Đồng chí | Anh/Chị (Zalo: «xưng hô CODE anh/chị»): how the bot addresses the
 * unit's people and those of the units below it without their own choice. `units.setAddressForm`
 * decides and audits; this reads the arguments and says the outcome as HTML.
 */
export async function setAddressFormText(services: Services, actorId: number, args: string, t: T): Promise<string> {
  const [code = '', ...rest] = args.trim().split(/\s+/);
  const form = parseAddressForm(rest.join(' '));
  if (!code || !form) return t('addressform-usage');
  const r = await services.units.setAddressForm({ actor: { id: actorId }, code, form });
  if (!r.ok) return unitSettingRefusal(t, r, code);
  return t('addressform-done', { unit: escapeHtml(r.unit.name), form, You: form, you: form.toLocaleLowerCase('vi') });
}
