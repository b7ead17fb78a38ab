/**
 * Liên kết tài khoản (/link): one person, two channels. Started without a code it asks
 * `IdentityLinkService.issue` for a six-digit code and shows it with what to send on the other
 * channel ("Trên Zalo, gửi: LINK 123456") — nothing to answer, so no flow opens. Started with a code
 * (Telegram `/link 123456`, Zalo `LINK 123456`) it checks the code, asks which registration to keep
 * for each campaign both accounts registered for, then asks to confirm the merge, which cannot be
 * undone. Stores (in the flow state) only the code, what the confirmation shows and the choices;
 * the merge is made by `IdentityLinkService.link`, which checks everything again and audits.
 *
 * A channel starts it as `conversations.start(key, LINK_FLOW, { channel, code? }, env)`; the words
 * a member types for it are read by {@link parseLinkCommand}.
 */
import type { Services } from '../services/index.js';
import type { Channel } from '../generated/prisma/client.js';
import { isLinkCode, type KeepSide, type LinkConflict, type LinkRefusal, type LinkPreview } from '../services/identity-links.js';
import { formatDateTime } from '../domain/dates.js';
import { escapeHtml, fold } from '../domain/text.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type FlowContext, type Message, type Step } from './model.js';
import { titleText } from '../messages/templates.js';

/** Flow id of linking two channels. */
export const LINK_FLOW = 'link';

/** What a channel starts the flow with: the channel the member writes on, and the code they typed (if any). */
export interface LinkArgs {
  channel: Channel;
  code?: string;
  /** Filled by `prepare`: what the code joins. */
  preview?: LinkPreview;
}

/**
 * Reads a link command typed as text: "/link", "/link 123456", "LINK 123456", "link 123 456",
 * "liên kết 123456" (diacritics optional). Null when the text is not one; `{}` for a request for a
 * code; `{ code }` (spaces and dashes removed, not yet checked) for a redemption.
 *
 * @example parseLinkCommand('LINK 123 456') // { code: '123456' }
 */
export function parseLinkCommand(text: string): { code?: string } | null {
  const m = /^\/?(?:link|lien ket)(?:@\w+)?(?:\s+(.+))?$/.exec(fold(text));
  if (!m) return null;
  const code = (m[1] ?? '').replace(/[\s.-]/g, '');
  return code ? { code } : {};
}

interface LinkData {
  channel: Channel;
  code: string;
  preview: LinkPreview;
  /** The conflict being asked about (index into `preview.conflicts`). */
  index: number;
  /** Which registration to keep, by campaign id (as a string: state is JSON). */
  keep: Record<string, KeepSide>;
}

/** A channel's name, in the member's language. */
const channelName = (ctx: FlowContext, channel: Channel): string => ctx.label({ key: `channel-name-${channel}` });

/** One side of a conflict as a line: "Lao động tiên tiến — đã được duyệt". */
function sideText(ctx: FlowContext, side: LinkConflict['issuer']): string {
  return ctx.label({ key: 'link-conflict-side', vars: { title: escapeHtml(titleText((key, vars) => ctx.label({ key, ...(vars ? { vars } : {}) }), side.titleCode, side.titleName)), status: ctx.label({ key: `reg-status-${side.status}` }) } });
}

/** What a refused code is told. */
export function linkRefusalMessage(r: LinkRefusal, ctx: FlowContext): Message {
  switch (r.reason) {
    case 'locked':
      return { key: 'link-locked', vars: { until: formatDateTime(r.until) } };
    case 'own_code':
      return { key: 'link-own-code', vars: { channel: channelName(ctx, r.channel) } };
    case 'conflict':
      return { key: 'link-conflict-unresolved', vars: { campaigns: r.conflicts.map((c) => `“${escapeHtml(c.campaignTitle)}”`).join(', ') } };
    case 'not_found':
      return { key: 'not-joined' };
    default:
      return { key: `link-${r.reason.replace(/_/g, '-')}` };
  }
}

/** The link flow, issuing, checking and merging through `services.identityLinks`. */
export function createLinkFlow(services: Services): FlowSpec<LinkData, LinkArgs> {
  const links = services.identityLinks;

  const keep: Step<LinkData> = {
    id: 'keep',
    accepts: 'choice',
    skip: (d) => d.preview.conflicts.length === 0,
    prompt(d, ctx) {
      const c = d.preview.conflicts[d.index]!;
      return {
        key: 'link-conflict',
        vars: {
          campaign: escapeHtml(c.campaignTitle),
          n: d.index + 1,
          total: d.preview.conflicts.length,
          issuerChannel: channelName(ctx, d.preview.codeChannel),
          issuer: sideText(ctx, c.issuer),
          channel: channelName(ctx, d.channel),
          redeemer: sideText(ctx, c.redeemer),
        },
      };
    },
    choices: (d, ctx) => [
      { value: 'issuer', label: { key: 'link-keep', vars: { channel: channelName(ctx, d.preview.codeChannel) } } },
      { value: 'redeemer', label: { key: 'link-keep', vars: { channel: channelName(ctx, d.channel) } } },
    ],
    answer(d, a) {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: 2 });
      const c = d.preview.conflicts[d.index]!;
      const data = { ...d, keep: { ...d.keep, [String(c.campaignId)]: a.value as KeepSide } };
      // The next campaign both registered for is the same question again.
      return d.index + 1 < d.preview.conflicts.length ? { ok: true, data: { ...data, index: d.index + 1 }, next: 'keep' } : { ok: true, data };
    },
    back: (d) => (d.index > 0 ? { ...d, index: d.index - 1 } : null),
    canGoBack: (d) => d.index > 0,
  };

  const confirm: Step<LinkData> = {
    id: 'confirm',
    accepts: 'choice',
    prompt(d, ctx) {
      const p = d.preview;
      const kept = p.conflicts.map((c) =>
        ctx.label({
          key: 'link-confirm-kept',
          vars: { campaign: escapeHtml(c.campaignTitle), channel: channelName(ctx, d.keep[String(c.campaignId)] === 'issuer' ? p.codeChannel : d.channel) },
        }),
      );
      const main = ctx.label({
        key: 'link-confirm',
        vars: {
          name: escapeHtml(p.issuer.name ?? '?'),
          unit: escapeHtml(p.issuer.unit ?? '—'),
          issuerChannel: channelName(ctx, p.codeChannel),
          channel: channelName(ctx, d.channel),
        },
      });
      return { key: 'flow-verbatim', vars: { text: [main, ...kept].join('\n') } };
    },
    choices: () => [{ value: 'yes', label: { key: 'link-yes' } }],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: d } : problem('flow-problem-choice', { count: 1 })),
  };

  return {
    id: LINK_FLOW,
    version: 1,
    nameKey: 'link-flow-name',
    steps: [keep, confirm],
    init: (args) => ({ channel: args.channel, code: args.code ?? '', preview: args.preview!, index: 0, keep: {} }),
    async prepare(args, env) {
      const actor = { id: env.memberId };
      if (args.code === undefined) {
        const issued = await links.issue({ actor, channel: args.channel, now: env.now });
        if (!issued.ok) return { ok: false, message: { key: 'not-joined' } };
        return { ok: false, message: { key: 'link-code', vars: { code: issued.code, until: formatDateTime(issued.expiresAt), channel: args.channel } } };
      }
      const code = args.code.replace(/[\s.-]/g, '');
      if (!isLinkCode(code)) return { ok: false, message: { key: 'link-code-format' } };
      const checked = await links.preview({ actor, channel: args.channel, code, now: env.now });
      if (!checked.ok) return { ok: false, message: linkRefusalMessage(checked, env) };
      return { ok: true, args: { channel: args.channel, code, preview: checked.preview } };
    },
    async complete(d, env): Promise<Reply[]> {
      const keepBy: Record<number, KeepSide> = {};
      for (const [id, side] of Object.entries(d.keep)) keepBy[Number(id)] = side;
      // Checked again: the code may have expired, or been used, while the confirmation was read.
      const r = await links.link({ actor: { id: env.memberId }, channel: d.channel, code: d.code, now: env.now, keep: keepBy });
      if (!r.ok) return [{ kind: 'say', message: linkRefusalMessage(r, env), menu: true }];
      const channels = r.channels.map((c) => channelName(env, c)).join(', ');
      // `done` first, naming the member this person now is: a channel reloads them before it answers.
      return [
        { kind: 'done', flow: LINK_FLOW, memberId: r.member.id },
        { kind: 'say', message: { key: 'link-done', vars: { name: escapeHtml(r.member.fullName ?? '?'), channels } }, menu: true },
      ];
    },
  };
}
