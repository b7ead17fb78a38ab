import { InlineKeyboard } from 'grammy';
import { FeatureComposer } from '../composer.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, replyHtml } from '../helpers.js';
import { refuse, requireRole } from '../access.js';
import { syncMemberCommands } from '../commands.js';
import { translator } from '../i18n.js';
import { auditHtml, unitTreeHtml } from '../../admin-text.js';
import { fileOf, flowFollowUps, startFlowFor } from '../flow-driver.js';
import { UNITS_IMPORT_FLOW, type UnitsImportArgs } from '../../../flows/units-import.js';
import { GRANT_ROLE_FLOW, type GrantArgs } from '../../../flows/grant-role.js';
import { parseJoinPolicy } from '../../../domain/join-policy.js';
import { joinPolicyLabel } from '../../join-text.js';

/**
 * Administration of units, emulation groups (khối/cụm) and roles. Admins manage everything; officers
 * see the tree and make invite links within their own unit's subtree. The services decide who may
 * (UnitService, MemberService, AuditService) and write every grant, revoke, import and refusal to
 * the audit log with the change; this file only translates.
 */
export const admin = new FeatureComposer<BotContext>();
const privateChat = admin.chatType('private');

/** Splits "/cmd A | B | C" arguments. */
function pipeArgs(match: string): string[] {
  return match.split('|').map((s) => s.trim());
}

privateChat.command('units', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'units.view'))) return;
  const tree = await ctx.deps.services.units.treeFor({ id: ctx.member!.id });
  if (!tree.ok) return void (await ctx.reply(ctx.t(tree.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden')));
  if (tree.units.length === 0) return void (await ctx.reply(ctx.t('units-none')));
  await replyHtml(ctx, unitTreeHtml((key, vars) => ctx.t(key, vars), tree));
});

privateChat.command('addunit', async (ctx) => {
  if (!(await requireRole(ctx, 'ADMIN', 'unit.create'))) return;
  const [code = '', name = '', parentCode, groupCode, joinWord] = pipeArgs(ctx.match);
  const join = joinWord ? parseJoinPolicy(joinWord) : null;
  if (!code || !name || (joinWord && !join)) return void (await ctx.reply(ctx.t('addunit-usage')));
  const result = await ctx.deps.services.units.addUnit({
    actor: { id: ctx.member!.id },
    code,
    name,
    ...(parentCode ? { parentCode } : {}),
    ...(groupCode ? { groupCode } : {}),
    ...(join ? { join } : {}),
  });
  if (!result.ok) {
    if (result.reason === 'forbidden') return refuse(ctx, ctx.t('forbidden'));
    const codeArg = result.reason === 'parent_unknown' ? parentCode : result.reason === 'group_unknown' ? groupCode : code;
    return void (await ctx.reply(ctx.t(`addunit-${result.reason}`, { code: codeArg ?? '' })));
  }
  await ctx.reply(
    ctx.t('addunit-done', { name: escapeHtml(result.unit.name), code: escapeHtml(result.unit.code) }) +
      '\n' +
      ctx.t('addunit-join', { policy: joinPolicyLabel((k, v) => ctx.t(k, v), result.unit.joinPolicy), code: escapeHtml(result.unit.code) }),
    { parse_mode: 'HTML' },
  );
});

privateChat.command('addgroup', async (ctx) => {
  if (!(await requireRole(ctx, 'ADMIN', 'group.create'))) return;
  const [code = '', name = '', kindArg = 'BLOCK'] = pipeArgs(ctx.match);
  const kind = kindArg.toUpperCase() === 'CLUSTER' ? 'CLUSTER' : 'BLOCK';
  if (!code || !name) return void (await ctx.reply(ctx.t('addgroup-usage')));
  const result = await ctx.deps.services.units.addGroup({ actor: { id: ctx.member!.id }, code, name, kind });
  if (!result.ok) {
    if (result.reason === 'forbidden') return refuse(ctx, ctx.t('forbidden'));
    return void (await ctx.reply(ctx.t(`addunit-${result.reason}`, { code })));
  }
  await ctx.reply(ctx.t('addgroup-done', { kind, name: escapeHtml(result.group.name), code: escapeHtml(code) }), {
    parse_mode: 'HTML',
  });
});

privateChat.command('invite', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'unit.invite'))) return;
  await sendInvite(ctx, ctx.match.trim().slice(0, 100));
});

// Several units matched the name typed: the one pressed (the service checks the scope again).
onAction(admin, 'inv.pick', async (ctx, { unitId }) => {
  if (!(await requireRole(ctx, 'OFFICER', 'unit.invite'))) return;
  await answerQuietly(ctx);
  const unit = await ctx.deps.services.units.byId(unitId);
  if (unit) await sendInvite(ctx, unit.code);
});

/** The invite link of the unit named by `code` (a code in any case, or words of its name), or why not. */
async function sendInvite(ctx: BotContext, code: string): Promise<void> {
  const r = await ctx.deps.services.units.invite({ actor: { id: ctx.member!.id }, ...(code ? { code } : {}) });
  if (!r.ok) {
    if (r.reason === 'ambiguous') {
      const kb = new InlineKeyboard();
      for (const u of r.units) kb.text(`${u.name} · ${u.code}`.slice(0, 60), encodeCallback('inv.pick', { unitId: u.id })).row();
      return void (await ctx.reply(ctx.t('invite-pick', { query: r.code }), { reply_markup: kb }));
    }
    if (r.reason === 'unknown_unit') return void (await ctx.reply(ctx.t('invite-unknown-unit', { code: r.code })));
    if (r.reason === 'no_unit') return void (await ctx.reply(ctx.t('officer-needs-unit')));
    if (r.reason === 'forbidden') return refuse(ctx, ctx.t('forbidden'));
    return void (await ctx.reply(ctx.t('forbidden-scope', { unit: r.unit?.name ?? code })));
  }
  const unit = r.unit;
  const link = `https://t.me/${ctx.me.username}?start=u_${unit.inviteCode}`;
  await ctx.reply(ctx.t('invite-link', { unit: escapeHtml(unit.name), link }), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
}

// ---- Units file import -------------------------------------------------------------------------

// The flow (src/flows/units-import.ts) asks for the file, refuses a wrong one with its problems and
// asks again; here the command, and a file sent with "/importunits" as its caption, start it.
privateChat.command('importunits', async (ctx) => {
  if (!(await requireRole(ctx, 'ADMIN', 'unit.import'))) return;
  await startFlowFor<UnitsImportArgs>(ctx, ctx.deps.conversations, UNITS_IMPORT_FLOW, {});
});

privateChat.on('message:document').filter(
  (ctx) => (ctx.msg.caption ?? '').trim().startsWith('/importunits'),
  async (ctx) => {
    if (!(await requireRole(ctx, 'ADMIN', 'unit.import'))) return;
    const file = fileOf(ctx);
    if (file) await startFlowFor<UnitsImportArgs>(ctx, ctx.deps.conversations, UNITS_IMPORT_FLOW, { file });
  },
);

// ---- Granting and revoking the officer role ----------------------------------------------------

// The flow (src/flows/grant-role.ts) searches, offers the people found, confirms, and has
// `members.changeRole` decide and audit; here only the command starts it and the person whose role
// changed gets the command menu of their new role.
for (const [command, grant] of [['grant', true], ['revoke', false]] as const) {
  privateChat.command(command, async (ctx) => {
    if (!(await requireRole(ctx, 'ADMIN', grant ? 'role.grant' : 'role.revoke'))) return;
    await startFlowFor<GrantArgs>(ctx, ctx.deps.conversations, GRANT_ROLE_FLOW, { grant, query: ctx.match.trim() });
  });
}

flowFollowUps.set(GRANT_ROLE_FLOW, async (ctx, done) => {
  const member = done.memberId ? await ctx.deps.services.members.byId(done.memberId) : null;
  if (member) {
    const userId = await ctx.deps.services.members.externalIdOf(member.id, 'TELEGRAM');
    await syncMemberCommands(ctx.api, member, userId, translator(ctx.deps.i18n), ctx.log);
  }
});

// ---- Moving a member to another unit ----------------------------------------------------------

/**
 * /moveunit UNIT_CODE | name — an admin, or an officer who manages both units, moves a member (an
 * officer included) to another unit. Officers cannot move themselves out of their subtree; this
 * is how the people named in that refusal do it. The service decides and audits.
 */
privateChat.command('moveunit', async (ctx) => {
  if (!(await requireRole(ctx, 'OFFICER', 'member.move'))) return;
  const [code = '', query = ''] = pipeArgs(ctx.match);
  if (!code || !query) return void (await ctx.reply(ctx.t('moveunit-usage')));
  const r = await ctx.deps.services.members.moveCandidates({ actor: { id: ctx.member!.id }, unitCode: code, query: query.slice(0, 100) });
  if (!r.ok) {
    if (r.reason === 'unit_not_found') return void (await ctx.reply(ctx.t('invite-unknown-unit', { code })));
    if (r.reason === 'forbidden') return refuse(ctx, ctx.t('forbidden'));
    return void (await ctx.reply(ctx.t('forbidden-scope', { unit: r.unit })));
  }
  const { unit, found } = r;
  if (found.length === 0) return void (await ctx.reply(ctx.t('grant-none', { query })));
  const kb = new InlineKeyboard();
  for (const m of found) kb.text(`${m.fullName} · ${m.unit?.name ?? '—'} → ${unit.name}`, encodeCallback('member.move', { memberId: m.id, unitId: unit.id })).row();
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  await ctx.reply(ctx.t('moveunit-choose', { unit: escapeHtml(unit.name) }), { parse_mode: 'HTML', reply_markup: kb });
});

onAction(admin, 'member.move', async (ctx, { memberId, unitId }) => {
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const result = await ctx.deps.services.members.moveMember({ actor: { id: ctx.member!.id }, memberId, unitId });
  if (!result.ok) return void (await ctx.reply(ctx.t(result.reason === 'forbidden' ? 'forbidden' : 'button-expired')));
  await ctx.reply(
    ctx.t('moveunit-done', {
      name: escapeHtml(result.member.fullName ?? '?'),
      from: escapeHtml(result.from ?? '—'),
      unit: escapeHtml(result.member.unit?.name ?? ''),
    }),
    { parse_mode: 'HTML' },
  );
});

privateChat.command('audit', async (ctx) => {
  if (!(await requireRole(ctx, 'ADMIN', 'audit.view'))) return;
  const r = await ctx.deps.services.audit.viewFor({ id: ctx.member!.id }, { limit: 20 });
  if (!r.ok) return refuse(ctx, ctx.t('forbidden'));
  const entries = r.entries;
  if (entries.length === 0) return void (await ctx.reply(ctx.t('audit-empty')));
  await replyHtml(ctx, auditHtml((key, vars) => ctx.t(key, vars), entries));
});
