/**
 * /newcampaign — the chat wizard (soạn phong trào trong chat): title, slogan, period, titles
 * offered, criteria one per message, milestones with reminder offsets, audience, preview, save.
 *
 * The wizard collects answers into the same structure as a campaign file and runs it through
 * `parseCampaignFile`, so chat and file obey one set of rules. Every step re-asks only itself on
 * bad input, offers "‹ Quay lại" (Back) and answers /cancel. Database reads and the clock go
 * through `conversation.external` (replay-safe).
 */
import { InlineKeyboard } from 'grammy';
import { conversationRegistry, type ConvContext, type Convo } from './index.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import { mainMenu } from '../keyboards/menu.js';
import type { BotContext } from '../context.js';
import { replyHtml } from '../helpers.js';
import { parseCampaignFile, type CampaignDraft, type CampaignFile } from '../../../domain/campaign-file.js';
import { formatDate, formatDateTime, parseDate, parseDateTime } from '../../../domain/dates.js';
import { formatOffset, parseOffset } from '../../../domain/durations.js';
import { escapeHtml, fold } from '../../../domain/text.js';
import { renderDetail, type T } from '../render/campaign.js';
import type { CampaignFull } from '../../../services/campaigns.js';

/** Conversation id (for `ctx.conversation.enter`). */
export const CREATE_CAMPAIGN = 'create-campaign';

/** Standard titles the wizard offers, individual then collective. */
const OFFERED_TITLES = [
  ['LDTT', 'INDIVIDUAL'],
  ['CSTDCS', 'INDIVIDUAL'],
  ['CSTD_TINH', 'INDIVIDUAL'],
  ['CSTD_TQ', 'INDIVIDUAL'],
  ['TTLDTT', 'COLLECTIVE'],
  ['TTLDXS', 'COLLECTIVE'],
  ['CO_TINH', 'COLLECTIVE'],
  ['CO_CP', 'COLLECTIVE'],
] as const;

const MEASURES = ['NUMBER', 'YES_NO', 'TEXT'] as const;
const EXTRA_MILESTONES = ['PROGRESS_REPORT', 'MIDTERM_REVIEW', 'FINAL_REVIEW'] as const;

type Answer = { kind: 'text'; text: string } | { kind: 'pick'; value: string } | { kind: 'back' };

interface Milestone {
  kind: 'REGISTRATION' | (typeof EXTRA_MILESTONES)[number];
  due: string;
  remind?: string[];
}

interface State {
  title: string;
  slogan: string | null;
  starts: string;
  ends: string;
  startsAt: number;
  endsAt: number;
  titles: string[];
  criteria: Array<{ code: string; title: string; measure: (typeof MEASURES)[number]; unit?: string }>;
  milestones: Milestone[];
  audience: string[];
}

const BACK = 'back';
const SKIP = 'skip';
const DONE = 'done';

function pick(value: string): string {
  return encodeCallback('wiz.pick', { value });
}

/** Back (and optional extra buttons) under a question. */
function nav(ctx: ConvContext, opts: { back?: boolean; extra?: Array<[string, string]> } = {}): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [label, value] of opts.extra ?? []) kb.text(label, pick(value)).row();
  if (opts.back !== false) kb.text(ctx.t('button-back'), pick(BACK));
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  return kb;
}

const isDoneWord = (s: string) => ['xong', 'done', 'het', 'ket thuc', 'finish'].includes(fold(s));
const isBackWord = (s: string) => ['quay lai', 'back', '‹ quay lai', '‹ back'].includes(fold(s));

/**
 * Waits for the next answer of the officer: a typed text, a wizard button, or Back. /cancel (or the
 * Cancel button) ends the wizard; other commands are told to finish or cancel first.
 */
async function answer(conversation: Convo, ctx: ConvContext): Promise<Answer> {
  for (;;) {
    const u = await conversation.wait();
    if (u.callbackQuery) {
      const d = decodeCallback(u.callbackQuery.data);
      await u.answerCallbackQuery().catch(() => {});
      if (d?.action === 'flow.cancel') return cancel(conversation, ctx);
      if (d?.action === 'wiz.pick') return d.args.value === BACK ? { kind: 'back' } : { kind: 'pick', value: d.args.value };
      await u.reply(ctx.t('wiz-finish-first'));
      continue;
    }
    const text = u.message?.text;
    if (text === undefined) {
      await u.reply(ctx.t('wiz-need-text'));
      continue;
    }
    if (/^\/cancel(@\w+)?\b/.test(text)) return cancel(conversation, ctx);
    if (text.startsWith('/')) {
      await u.reply(ctx.t('wiz-finish-first'));
      continue;
    }
    if (isBackWord(text)) return { kind: 'back' };
    return { kind: 'text', text: text.normalize('NFC').trim() };
  }
}

async function cancel(conversation: Convo, ctx: ConvContext): Promise<never> {
  await ctx.reply(ctx.t('cancelled'), { reply_markup: mainMenu(ctx as unknown as BotContext) });
  return conversation.halt();
}

type Step = (conversation: Convo, ctx: ConvContext, s: State, env: Env) => Promise<'next' | 'back'>;
interface Env {
  now: Date;
  unitId: number | null;
}

const askTitle: Step = async (conversation, ctx, s) => {
  await ctx.reply(ctx.t('wiz-ask-title'), { reply_markup: nav(ctx, { back: false }) });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'text' && a.text.length >= 3 && a.text.length <= 300) {
      s.title = a.text;
      return 'next';
    }
    if (a.kind !== 'back') await ctx.reply(ctx.t('wiz-title-invalid'));
  }
};

const askSlogan: Step = async (conversation, ctx, s) => {
  await ctx.reply(ctx.t('wiz-ask-slogan'), { reply_markup: nav(ctx, { extra: [[ctx.t('wiz-skip'), SKIP]] }) });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    if (a.kind === 'pick' && a.value === SKIP) {
      s.slogan = null;
      return 'next';
    }
    if (a.kind === 'text' && a.text.length <= 500) {
      s.slogan = a.text === '-' ? null : a.text;
      return 'next';
    }
    await ctx.reply(ctx.t('text-too-long', { max: 500 }));
  }
};

function dateStep(which: 'starts' | 'ends'): Step {
  return async (conversation, ctx, s, env) => {
    await ctx.reply(ctx.t(`wiz-ask-${which}`), { reply_markup: nav(ctx) });
    for (;;) {
      const a = await answer(conversation, ctx);
      if (a.kind === 'back') return 'back';
      if (a.kind !== 'text') continue;
      const d = parseDate(a.text, env.now);
      if (!d.ok) {
        await ctx.reply(ctx.t(`wiz-date-${d.reason}`, { value: a.text }));
        continue;
      }
      if (which === 'ends' && d.date.getTime() < s.startsAt) {
        await ctx.reply(ctx.t('wiz-ends-before-starts', { starts: s.starts }));
        continue;
      }
      if (which === 'starts') {
        s.starts = formatDate(d.date);
        s.startsAt = d.date.getTime();
      } else {
        s.ends = formatDate(d.date);
        s.endsAt = d.date.getTime() + 86_400_000 - 1;
      }
      return 'next';
    }
  };
}

function titlesKeyboard(ctx: ConvContext, selected: string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  OFFERED_TITLES.forEach(([code], i) => {
    kb.text(`${selected.includes(code) ? '✅' : '▫️'} ${i + 1}. ${ctx.t(`camp-title-${code}`)}`, pick(code)).row();
  });
  kb.text(ctx.t('wiz-done'), pick(DONE)).row();
  kb.text(ctx.t('button-back'), pick(BACK)).text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  return kb;
}

const askTitles: Step = async (conversation, ctx, s) => {
  const selected = new Set(s.titles);
  await ctx.reply(ctx.t('wiz-ask-titles'), { reply_markup: titlesKeyboard(ctx, [...selected]) });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    const done = (a.kind === 'pick' && a.value === DONE) || (a.kind === 'text' && isDoneWord(a.text));
    if (done) {
      if (selected.size === 0) {
        await ctx.reply(ctx.t('wiz-titles-empty'));
        continue;
      }
      s.titles = OFFERED_TITLES.map(([c]) => c as string).filter((c) => selected.has(c));
      return 'next';
    }
    // Buttons toggle one title; typed numbers ("1 3") toggle several (answerable without buttons).
    const codes =
      a.kind === 'pick'
        ? [a.value]
        : a.text
            .split(/[\s,;]+/)
            .map((n) => OFFERED_TITLES[Number(n) - 1]?.[0])
            .filter((c): c is (typeof OFFERED_TITLES)[number][0] => !!c);
    if (codes.length === 0) {
      await ctx.reply(ctx.t('wiz-titles-help'));
      continue;
    }
    for (const c of codes) {
      if (!OFFERED_TITLES.some(([x]) => x === c)) continue;
      if (selected.has(c)) selected.delete(c);
      else selected.add(c);
    }
    await ctx.reply(ctx.t('wiz-titles-selected', { count: selected.size }), { reply_markup: titlesKeyboard(ctx, [...selected]) });
  }
};

const askCriteria: Step = async (conversation, ctx, s) => {
  s.criteria = [];
  for (;;) {
    await ctx.reply(ctx.t('wiz-ask-criterion', { n: s.criteria.length + 1 }), {
      reply_markup: nav(ctx, s.criteria.length > 0 ? { extra: [[ctx.t('wiz-done'), DONE]] } : {}),
    });
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    if ((a.kind === 'pick' && a.value === DONE) || (a.kind === 'text' && isDoneWord(a.text))) {
      if (s.criteria.length === 0) {
        await ctx.reply(ctx.t('wiz-criteria-empty'));
        continue;
      }
      return 'next';
    }
    if (a.kind !== 'text') continue;
    if (a.text.length > 500) {
      await ctx.reply(ctx.t('text-too-long', { max: 500 }));
      continue;
    }
    const kb = new InlineKeyboard();
    MEASURES.forEach((m, i) => kb.text(`${i + 1}. ${ctx.t(`wiz-measure-${m}`)}`, pick(m)).row());
    await ctx.reply(ctx.t('wiz-ask-measure', { title: escapeHtml(a.text) }), { parse_mode: 'HTML', reply_markup: kb });
    let measure: (typeof MEASURES)[number] | undefined;
    while (!measure) {
      const m = await answer(conversation, ctx);
      if (m.kind === 'pick') measure = MEASURES.find((x) => x === m.value);
      else if (m.kind === 'text') measure = MEASURES[Number(m.text) - 1];
      if (!measure) await ctx.reply(ctx.t('wiz-measure-help'));
    }
    const criterion: State['criteria'][number] = { code: `K${s.criteria.length + 1}`, title: a.text, measure };
    if (measure === 'NUMBER') {
      await ctx.reply(ctx.t('wiz-ask-unit'), { reply_markup: new InlineKeyboard().text(ctx.t('wiz-skip'), pick(SKIP)) });
      for (;;) {
        const u = await answer(conversation, ctx);
        if (u.kind === 'pick' || u.kind === 'back') break;
        if (u.text.length <= 40) {
          criterion.unit = u.text;
          break;
        }
        await ctx.reply(ctx.t('text-too-long', { max: 40 }));
      }
    }
    s.criteria.push(criterion);
  }
};

/** Asks a due time inside the period, then its reminder offsets; null when the officer went back. */
async function askMilestone(conversation: Convo, ctx: ConvContext, s: State, env: Env, kind: Milestone['kind']): Promise<Milestone | null> {
  await ctx.reply(ctx.t('wiz-ask-due', { kind: ctx.t(`camp-milestone-${kind}`), starts: s.starts, ends: s.ends }), { reply_markup: nav(ctx) });
  let due: string | null = null;
  while (!due) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return null;
    if (a.kind !== 'text') continue;
    const d = parseDateTime(a.text, env.now);
    if (!d.ok) {
      await ctx.reply(ctx.t(`wiz-date-${d.reason}`, { value: a.text }));
      continue;
    }
    if (d.date.getTime() < s.startsAt || d.date.getTime() > s.endsAt) {
      await ctx.reply(ctx.t('wiz-due-outside', { value: formatDateTime(d.date), starts: s.starts, ends: s.ends }));
      continue;
    }
    due = formatDateTime(d.date);
  }
  await ctx.reply(ctx.t('wiz-ask-remind'), { reply_markup: new InlineKeyboard().text(ctx.t('wiz-remind-default'), pick(SKIP)) });
  const lengthMinutes = Math.floor((s.endsAt + 1 - s.startsAt) / 60_000);
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return null;
    if (a.kind === 'pick') return { kind, due };
    const parts = a.text.split(/[\s,;]+/).filter(Boolean);
    if (parts.length === 1 && ['0', 'khong', 'no', 'none'].includes(fold(parts[0]!))) return { kind, due, remind: [] };
    const bad = parts.map((p) => ({ p, r: parseOffset(p) })).find(({ r }) => !r.ok || r.minutes > lengthMinutes);
    if (bad) {
      const reason = bad.r.ok ? 'offset_too_large' : bad.r.reason;
      await ctx.reply(ctx.t(`wiz-remind-${reason}`, { value: bad.p, max: formatOffset(lengthMinutes) }));
      continue;
    }
    if (parts.length === 0 || parts.length > 10) {
      await ctx.reply(ctx.t('wiz-remind-offset_invalid', { value: a.text, max: formatOffset(lengthMinutes) }));
      continue;
    }
    return { kind, due, remind: parts.map((p) => formatOffset((parseOffset(p) as { minutes: number }).minutes)) };
  }
}

const askMilestones: Step = async (conversation, ctx, s, env) => {
  s.milestones = [];
  const reg = await askMilestone(conversation, ctx, s, env, 'REGISTRATION');
  if (!reg) return 'back';
  s.milestones.push(reg);
  for (;;) {
    const kb = new InlineKeyboard();
    EXTRA_MILESTONES.forEach((k, i) => kb.text(`${i + 1}. ${ctx.t(`camp-milestone-${k}`)}`, pick(k)).row());
    kb.text(ctx.t('wiz-done'), pick(DONE));
    await ctx.reply(ctx.t('wiz-ask-more-milestones', { count: s.milestones.length }), { reply_markup: kb });
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    if ((a.kind === 'pick' && a.value === DONE) || (a.kind === 'text' && isDoneWord(a.text))) return 'next';
    const kind = a.kind === 'pick' ? EXTRA_MILESTONES.find((k) => k === a.value) : EXTRA_MILESTONES[Number(a.text) - 1];
    if (!kind) {
      await ctx.reply(ctx.t('wiz-measure-help'));
      continue;
    }
    const m = await askMilestone(conversation, ctx, s, env, kind);
    if (m) s.milestones.push(m);
  }
};

const askAudience: Step = async (conversation, ctx, s, env) => {
  const units = await conversation.external(async () => {
    const rows = await ctx.deps.services.units.children(env.unitId);
    return rows.slice(0, 20).map((u) => ({ code: u.code, name: u.name }));
  });
  const extra: Array<[string, string]> = [[ctx.t('wiz-audience-own'), 'own']];
  if (units.length > 0) extra.push([ctx.t('wiz-audience-pick'), 'pick']);
  await ctx.reply(ctx.t('wiz-ask-audience'), { reply_markup: nav(ctx, { extra }) });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    const choice = a.kind === 'pick' ? a.value : a.text === '1' ? 'own' : a.text === '2' ? 'pick' : '';
    if (choice === 'own' && env.unitId !== null) {
      s.audience = [];
      return 'next';
    }
    if (choice === 'pick' && units.length > 0) break;
    await ctx.reply(ctx.t('wiz-measure-help'));
  }
  const selected = new Set<string>();
  const keyboard = () => {
    const kb = new InlineKeyboard();
    units.forEach((u, i) => kb.text(`${selected.has(u.code) ? '✅' : '▫️'} ${i + 1}. ${u.name}`.slice(0, 60), pick(`u.${u.code}`.slice(0, 40))).row());
    kb.text(ctx.t('wiz-done'), pick(DONE)).row().text(ctx.t('button-back'), pick(BACK));
    return kb;
  };
  await ctx.reply(ctx.t('wiz-ask-audience-units'), { reply_markup: keyboard() });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    if ((a.kind === 'pick' && a.value === DONE) || (a.kind === 'text' && isDoneWord(a.text))) {
      if (selected.size === 0) {
        await ctx.reply(ctx.t('wiz-audience-empty'));
        continue;
      }
      s.audience = units.filter((u) => selected.has(u.code)).map((u) => u.code);
      return 'next';
    }
    const codes =
      a.kind === 'pick'
        ? units.filter((u) => `u.${u.code}`.slice(0, 40) === a.value).map((u) => u.code)
        : a.text
            .split(/[\s,;]+/)
            .map((n) => units[Number(n) - 1]?.code)
            .filter((c): c is string => !!c);
    for (const c of codes) {
      if (selected.has(c)) selected.delete(c);
      else selected.add(c);
    }
    await ctx.reply(ctx.t('wiz-titles-selected', { count: selected.size }), { reply_markup: keyboard() });
  }
};

/** The wizard's answers as a campaign file (JSON), validated by the same rules as uploads. */
export function wizardFile(s: State, code: string): CampaignFile {
  return {
    code,
    title: s.title,
    ...(s.slogan ? { slogan: s.slogan } : {}),
    kind: 'THEMATIC',
    starts: s.starts,
    ends: s.ends,
    ...(s.audience.length > 0 ? { audience: { units: s.audience } } : {}),
    titles: {
      individual: s.titles.filter((c) => OFFERED_TITLES.some(([x, scope]) => x === c && scope === 'INDIVIDUAL')),
      collective: s.titles.filter((c) => OFFERED_TITLES.some(([x, scope]) => x === c && scope === 'COLLECTIVE')),
    },
    criteria: s.criteria.map((c) => ({ code: c.code, title: c.title, measure: c.measure, ...(c.unit ? { unit: c.unit } : {}) })),
    milestones: s.milestones.map((m) => ({ kind: m.kind, due: m.due, ...(m.remind ? { remind: m.remind } : {}) })),
  } as unknown as CampaignFile;
}

/** A draft shaped like a stored campaign, so the preview uses the very renderer members see. */
export function draftAsCampaign(d: CampaignDraft): CampaignFull {
  const ids = new Map(d.criteria.map((c, i) => [c.code, i + 1]));
  return {
    id: 0,
    code: d.code,
    title: d.title,
    slogan: d.slogan,
    description: d.description,
    issuer: d.issuer,
    kind: d.kind,
    status: 'DRAFT',
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    archivedAt: null,
    criteria: d.criteria.map((c) => ({
      id: ids.get(c.code)!,
      parentId: c.parentCode ? ids.get(c.parentCode)! : null,
      code: c.code,
      title: c.title,
      measure: c.measure,
      unitOfMeasure: c.unit,
      target: c.target,
      position: c.position,
    })),
    titles: d.titles.map((t) => ({ code: t.code, name: t.name, scope: t.scope, custom: t.custom, position: t.position })),
    milestones: d.milestones.map((m) => ({ kind: m.kind, title: m.title, dueAt: m.dueAt, series: m.series, remindOffsets: m.remindOffsets })),
  } as unknown as CampaignFull;
}

function slug(title: string): string {
  return (
    fold(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'phong-trao'
  );
}

const preview: Step = async (conversation, ctx, s, env) => {
  const code = await conversation.external(() => ctx.deps.services.campaigns.freeCode(slug(s.title)));
  const file = wizardFile(s, code);
  const parsed = parseCampaignFile(JSON.stringify(file), 'json');
  if (!parsed.ok) {
    const t: T = (k, v) => ctx.t(k, v);
    const lines = parsed.errors.map((e) => `• ${escapeHtml(e.path)}: ${escapeHtml(t(`camp-err-${e.code}`, { value: '', ...e.params }))}`);
    await ctx.reply(`${ctx.t('camp-import-invalid', { count: parsed.errors.length })}\n${lines.join('\n')}`, { parse_mode: 'HTML' });
    return 'back';
  }
  const text = renderDetail((k, v) => ctx.t(k, v), draftAsCampaign(parsed.campaign), { now: env.now, forOfficer: true });
  await replyHtml(ctx, `${ctx.t('wiz-preview')}\n\n${text}`, { reply_markup: nav(ctx, { extra: [[ctx.t('wiz-save'), 'save']] }) });
  for (;;) {
    const a = await answer(conversation, ctx);
    if (a.kind === 'back') return 'back';
    if (a.kind === 'pick' && a.value === 'save') break;
    await ctx.reply(ctx.t('wiz-save-help'));
  }
  const saved = await conversation.external(async () => {
    const member = ctx.member;
    if (!member) return { ok: false as const, reason: 'officer_without_unit' };
    const again = parseCampaignFile(JSON.stringify(file), 'json');
    if (!again.ok) return { ok: false as const, reason: 'invalid' };
    // The service decides (is this still an officer?) and audits the save or the refusal.
    const r = await ctx.deps.services.campaigns.importDraft(again.campaign, { id: member.id }, JSON.stringify(file, null, 2));
    if (!r.ok) return { ok: false as const, reason: r.reason };
    return { ok: true as const, id: r.campaign.id, code: r.campaign.code };
  });
  if (!saved.ok && saved.reason === 'not_officer') {
    // No longer an officer (revoked while the wizard was open): the draft is not saved, the flow ends.
    await ctx.reply(ctx.t('forbidden'));
    return 'next';
  }
  if (!saved.ok) {
    await ctx.reply(ctx.t('wiz-save-failed', { reason: saved.reason }));
    return 'back';
  }
  await ctx.reply(ctx.t('wiz-saved', { title: escapeHtml(s.title), code: escapeHtml(saved.code) }), {
    parse_mode: 'HTML',
    reply_markup: new InlineKeyboard().text(ctx.t('wiz-open'), encodeCallback('camp.manage', { campaignId: saved.id })),
  });
  return 'next';
};

const STEPS: Step[] = [askTitle, askSlogan, dateStep('starts'), dateStep('ends'), askTitles, askCriteria, askMilestones, askAudience, preview];

async function createCampaign(conversation: Convo, ctx: ConvContext): Promise<void> {
  const env0 = await conversation.external(() => ({ now: ctx.deps.services.now().toISOString(), unitId: ctx.member?.unitId ?? null }));
  const env: Env = { now: new Date(env0.now), unitId: env0.unitId };
  const s: State = { title: '', slogan: null, starts: '', ends: '', startsAt: 0, endsAt: 0, titles: [], criteria: [], milestones: [], audience: [] };
  await ctx.reply(ctx.t('wiz-intro'), { parse_mode: 'HTML' });
  let i = 0;
  while (i < STEPS.length) {
    const r = await STEPS[i]!(conversation, ctx, s, env);
    i = r === 'back' ? Math.max(0, i - 1) : i + 1;
  }
}

conversationRegistry.push({ id: CREATE_CAMPAIGN, builder: createCampaign as never });
