import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';
import { answerQuietly, escapeHtml, onAction, telegramName } from '../helpers.js';
import { mainMenu } from '../keyboards/menu.js';
import { unitPicker, unitResults } from '../keyboards/units.js';
import { syncMemberCommands } from '../commands.js';
import { translator } from '../i18n.js';
import { openCampaignLink, resumeCampaignLink } from './registration.js';
import { MAX_NAME_LENGTH, validatePersonName } from '../../../domain/text.js';
import type { MoveAuthority } from '../../../services/members.js';

/**
 * Onboarding (tham gia): /start → unit (deep link `u_<inviteCode>` or the picker with search) →
 * full name → main menu. Each answer is saved as soon as it is given (the unit on the Member row,
 * the step in the session), so a restart in the middle resumes at the question that was open.
 */
export const onboarding = new Composer<BotContext>();

const NAME_REASONS = {
  name_empty: 'name-invalid-empty',
  name_too_long: 'name-invalid-too-long',
  name_control_chars: 'name-invalid-control',
  name_no_letters: 'name-invalid-no-letters',
} as const;



/** Shows the unit picker (roots) and waits for a pick or a typed search. */
export async function askUnit(ctx: BotContext, purpose: 'onboarding' | 'profile'): Promise<void> {
  ctx.session.step = { kind: 'join-unit', purpose };
  const { text, keyboard } = await unitPicker(ctx, null, 0);
  await ctx.reply(purpose === 'onboarding' ? `${ctx.t('start-choose-unit')}\n\n${text}` : text, { reply_markup: keyboard });
}

/** Asks for the full name, offering the Telegram name as a one-tap answer. */
export async function askName(ctx: BotContext, purpose: 'onboarding' | 'profile'): Promise<void> {
  ctx.session.step = { kind: 'join-name', purpose };
  const suggestion = telegramName(ctx);
  const ok = suggestion && validatePersonName(suggestion).ok;
  const kb = new InlineKeyboard();
  if (ok) kb.text(ctx.t('name-use-telegram', { name: suggestion }), encodeCallback('name.telegram', {})).row();
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  await ctx.reply(ctx.t('name-ask'), { reply_markup: kb });
}

/** Moves the member to whichever onboarding question is still open, or to the main menu. */
export async function continueOnboarding(ctx: BotContext): Promise<void> {
  const member = ctx.member!;
  if (!member.unitId) return askUnit(ctx, 'onboarding');
  if (!member.fullName) return askName(ctx, 'onboarding');
  ctx.session.step = undefined;
  const unit = await ctx.deps.services.units.byId(member.unitId);
  await ctx.reply(ctx.t('onboarding-done', { name: escapeHtml(member.fullName), unit: escapeHtml(unit?.name ?? '') }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx),
  });
  await resumeCampaignLink(ctx);
}

/** "Nguyễn Văn A (cán bộ phụ trách Huyện X), Trần B (quản trị viên)": who can move an officer. */
export function moveAuthorities(ctx: BotContext, whoCan: MoveAuthority[]): string {
  if (whoCan.length === 0) return ctx.t('unit-move-who-none');
  return whoCan
    .map((w) => (w.unit ? ctx.t('unit-move-who-officer', { name: escapeHtml(w.name), unit: escapeHtml(w.unit) }) : ctx.t('unit-move-who-admin', { name: escapeHtml(w.name) })))
    .join(', ');
}

/**
 * Moves the member to a unit they picked themselves. The service decides: an officer may not move
 * out of their own subtree (that would widen what they manage), and is told who can move them.
 */
async function joinUnit(ctx: BotContext, unitId: number): Promise<'joined' | 'refused' | 'missing'> {
  const result = await ctx.deps.services.members.changeOwnUnit({ actor: { id: ctx.member!.id }, unitId });
  if (!result.ok && result.reason === 'would_widen_scope') {
    ctx.session.step = undefined;
    await ctx.reply(
      ctx.t('unit-move-refused', {
        current: escapeHtml(result.currentUnit ?? ctx.t('profile-not-set')),
        unit: escapeHtml(result.unit),
        who: moveAuthorities(ctx, result.whoCan),
      }),
      { parse_mode: 'HTML', reply_markup: ctx.member?.unitId && ctx.member.fullName ? mainMenu(ctx) : undefined },
    );
    return 'refused';
  }
  if (!result.ok) return 'missing';
  ctx.member = result.member;
  await ctx.reply(ctx.t('unit-joined', { unit: escapeHtml(result.member.unit?.name ?? '') }), { parse_mode: 'HTML' });
  return 'joined';
}

onboarding.command('start', async (ctx, next) => {
  const member = ctx.member!;
  if (ctx.chat.type !== 'private') return;
  const payload = ctx.match.trim();
  // A campaign link (`c_<code>`): registration for it (after onboarding if needed), else the campaigns feature.
  if (payload.startsWith('c_') && (await openCampaignLink(ctx, payload.slice(2)))) return;
  if (payload.startsWith('c_') && member.unitId && member.fullName) return next();
  await syncMemberCommands(ctx.api, member, translator(ctx.deps.i18n), ctx.log);

  if (payload.startsWith('u_')) {
    const unit = await ctx.deps.services.units.byInviteCode(payload.slice(2));
    if (!unit) {
      await ctx.reply(ctx.t('start-invite-invalid'));
      return askUnit(ctx, 'onboarding');
    }
    if (member.unitId && member.unitId !== unit.id && member.fullName) {
      const current = await ctx.deps.services.units.byId(member.unitId);
      ctx.session.step = { kind: 'switch-unit', unitId: unit.id };
      const kb = new InlineKeyboard()
        .text(ctx.t('unit-switch-yes', { unit: unit.name }), encodeCallback('unit.switch', { unitId: unit.id }))
        .row()
        .text(ctx.t('unit-switch-no'), encodeCallback('unit.keep', {}));
      await ctx.reply(ctx.t('unit-switch-ask', { current: current?.name ?? '', unit: unit.name }), { reply_markup: kb });
      return;
    }
    if (member.unitId !== unit.id) {
      await ctx.reply(ctx.t('start-welcome', { name: escapeHtml(telegramName(ctx)) }), { parse_mode: 'HTML' });
      if ((await joinUnit(ctx, unit.id)) === 'refused') return;
    }
    return continueOnboarding(ctx);
  }

  if (member.unitId && member.fullName) {
    const unit = await ctx.deps.services.units.byId(member.unitId);
    ctx.session.step = undefined;
    await ctx.reply(ctx.t('start-welcome-back', { name: escapeHtml(member.fullName), unit: escapeHtml(unit?.name ?? '') }), {
      parse_mode: 'HTML',
      reply_markup: mainMenu(ctx),
    });
    return;
  }
  await ctx.reply(ctx.t('start-welcome', { name: escapeHtml(telegramName(ctx)) }), { parse_mode: 'HTML' });
  return continueOnboarding(ctx);
});

onAction(onboarding, 'unit.open', async (ctx, { unitId, page }) => {
  if (ctx.session.step?.kind !== 'join-unit') return answerQuietly(ctx, ctx.t('button-expired'));
  ctx.session.step = { ...ctx.session.step, parentId: unitId || undefined };
  const { text, keyboard } = await unitPicker(ctx, unitId || null, page);
  await answerQuietly(ctx);
  await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => ctx.reply(text, { reply_markup: keyboard }));
});

onAction(onboarding, 'unit.pick', async (ctx, { unitId }) => {
  const step = ctx.session.step;
  if (step?.kind !== 'join-unit') return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const joined = await joinUnit(ctx, unitId);
  if (joined === 'missing') return answerQuietly(ctx, ctx.t('button-expired'));
  if (joined === 'refused') return;
  if (step.purpose === 'profile') {
    ctx.session.step = undefined;
    await ctx.reply(ctx.t('menu-shown'), { reply_markup: mainMenu(ctx) });
    return;
  }
  return continueOnboarding(ctx);
});

onAction(onboarding, 'unit.switch', async (ctx, { unitId }) => {
  const step = ctx.session.step;
  if (step?.kind !== 'switch-unit' || step.unitId !== unitId) return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  ctx.session.step = undefined;
  if ((await joinUnit(ctx, unitId)) === 'refused') return;
  return continueOnboarding(ctx);
});

onAction(onboarding, 'unit.keep', async (ctx) => {
  if (ctx.session.step?.kind !== 'switch-unit') return answerQuietly(ctx, ctx.t('button-expired'));
  ctx.session.step = undefined;
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  const unit = ctx.member?.unitId ? await ctx.deps.services.units.byId(ctx.member.unitId) : null;
  await ctx.reply(ctx.t('unit-kept', { unit: unit?.name ?? '' }), { reply_markup: mainMenu(ctx) });
});

async function saveName(ctx: BotContext, input: string): Promise<void> {
  const step = ctx.session.step;
  if (step?.kind !== 'join-name') return;
  const result = validatePersonName(input);
  if (!result.ok) {
    await ctx.reply(ctx.t(NAME_REASONS[result.reason], { max: MAX_NAME_LENGTH }));
    return;
  }
  ctx.member = await ctx.deps.services.members.setName(ctx.member!.id, result.name);
  if (step.purpose === 'profile') {
    ctx.session.step = undefined;
    await ctx.reply(ctx.t('profile-name-saved', { name: escapeHtml(result.name) }), { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
    return;
  }
  return continueOnboarding(ctx);
}

onAction(onboarding, 'name.telegram', async (ctx) => {
  if (ctx.session.step?.kind !== 'join-name') return answerQuietly(ctx, ctx.t('button-expired'));
  await answerQuietly(ctx);
  await ctx.editMessageReplyMarkup().catch(() => {});
  await saveName(ctx, telegramName(ctx));
});

/** Typed answers while a join step is open: a unit search, or the full name. */
onboarding.on('message:text').filter(
  (ctx) => !ctx.msg.text.startsWith('/') && (ctx.session.step?.kind === 'join-unit' || ctx.session.step?.kind === 'join-name'),
  async (ctx) => {
    const step = ctx.session.step!;
    if (step.kind === 'join-name') return saveName(ctx, ctx.msg.text);
    const query = ctx.msg.text.trim().slice(0, 100);
    const found = await ctx.deps.services.units.search(query, { limit: 8 });
    if (found.length === 0) {
      await ctx.reply(ctx.t('unit-search-none', { query }), { reply_markup: unitResults(ctx, []) });
      return;
    }
    await ctx.reply(ctx.t('unit-search-results', { query }), { reply_markup: unitResults(ctx, found) });
  },
);

/** Anything but text while we wait for a name (a sticker, a photo…): say what is expected. */
onboarding.on('message').filter(
  (ctx) => ctx.session.step?.kind === 'join-name' && !ctx.msg.text,
  (ctx) => ctx.reply(ctx.t('name-need-text')),
);
