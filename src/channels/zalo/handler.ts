/**
 * What the bot does with a Zalo message (the receiver's `handle`): finds the member behind the Zalo
 * identity, then — like the Telegram features, through the same flows and services — hands the
 * text to the member's open flow, or reads it as a command (slash or words, src/channels/
 * text-commands.ts), an invite code ("abc123", "u_abc123", "/start abc123") or "DK <campaign>".
 * Replies are plain text: questions with numbered choices (src/flows/render.ts), sent through
 * {@link ZaloSender} (cut at 2,000 characters, paced at ZALO_RATE).
 *
 * A photo sent while a flow asks for files is downloaded at once (Zalo's URLs expire), within the
 * evidence limits, into the evidence store (services/evidence-files.ts). Stickers and what Zalo
 * withholds get a short polite answer.
 *
 * Groups (Zalo beta: the bot sees only messages that @mention it): "@bot linkgroup [unit code]"
 * (or "/linkgroup") links the group to the officer's unit, or to a unit they manage named by its
 * invite code or code; GroupChatService decides and audits. Zalo cannot tell us whether the sender
 * administers the group (no getChatMember), so the officer role and scope are the whole check.
 * Any other mention gets a short answer pointing to private chat, revealing nothing about anyone.
 */
import { GROUP_LINK_REFUSAL_KEYS } from '../../services/group-chats.js';
import type { Logger } from '../../logger.js';
import type { Services } from '../../services/index.js';
import type { Member } from '../../generated/prisma/client.js';
import type { InboundEvent } from '../inbound.js';
import { flowKey, type Conversations, type FlowEnv, type Reply } from '../../flows/conversations.js';
import { matchChoice, type FileRef, type FlowInput, type Message } from '../../flows/model.js';
import { questionAsText } from '../../flows/render.js';
import { escapeHtml, formatBytes, htmlToPlain } from '../../domain/text.js';
import { addressVars } from '../../domain/address.js';
import { parseTextCommand, type ParsedTextCommand } from '../text-commands.js';
import { myAwardsBlocks, myStatusBlocks } from '../my-status.js';
import { renderMessage, titleText } from '../../messages/templates.js';
import { textChannelKey } from '../../messages/text-wording.js';
import { formatDateTime } from '../../domain/dates.js';
import { REGISTER_FLOW } from '../../flows/register.js';
import { openReport, REPORT_FLOW } from '../../flows/report.js';
import { SETTINGS_FLOW } from '../../flows/settings.js';
import { setupChecklist } from '../../flows/onboarding.js';
import { CAMPAIGN_PICK_FLOW, type CampaignPickArgs } from '../../flows/campaign-pick.js';
import { chartCaption, STATS_REFUSAL_KEYS, statsMessage } from '../../insight/stats-message.js';
import { MAX_CHART_UNITS } from '../../insight/chart.js';
import { actionLine } from '../../messages/text.js';
import { CREATE_CAMPAIGN_FLOW } from '../../flows/create-campaign.js';
import { CAMPAIGN_LAUNCH_FLOW, type CampaignLaunchArgs } from '../../flows/campaign-launch.js';
import { HONOURS_FLOW, type HonoursArgs } from '../../flows/honours.js';
import { EXPORT_FLOW, type ExportArgs } from '../../flows/export.js';
import { CAMPAIGN_AMEND_FLOW, type CampaignAmendArgs } from '../../flows/campaign-amend.js';
import { MAX_EVIDENCE_BYTES } from '../../services/reports.js';
import { RETURN_FLOW, type ReturnArgs } from '../../flows/return-registration.js';
import { openReview, REVIEW_FLOW } from '../../flows/review.js';
import { LINK_FLOW, parseLinkCommand, type LinkArgs } from '../../flows/link.js';
import { isStoreOutage } from '../../outage.js';
import { evidenceCaption, isStoredEvidence, sniffImage, type ChannelFileReader } from '../../services/evidence-files.js';
import type { MediaLinks } from '../../services/media-links.js';
import { PICK_ITEM_FLOW, type PickItemArgs } from '../../flows/pick-item.js';
import { CAMPAIGN_EDIT_FLOW, type CampaignEditArgs } from '../../flows/campaign-edit.js';
import { announceAttachment, CAMPAIGN_ANNOUNCE_FLOW, type CampaignAnnounceArgs } from '../../flows/campaign-announce.js';
import { NUDGE_FLOW, type NudgeArgs } from '../../flows/nudge.js';
import { GRANT_ROLE_FLOW, type GrantArgs } from '../../flows/grant-role.js';
import { renderDetail } from '../../flows/campaign-text.js';
import { shorten } from '../../domain/reminders.js';
import { auditHtml, unitTreeHtml } from '../admin-text.js';

/** A label shown as written (a campaign's title, a person's name). */
const verbatim = (text: string): Message => ({ key: 'flow-verbatim', vars: { text } });
import { joinPolicyLabel, notJoinedText, pendingJoinLine, setAddressFormText, setJoinPolicyText } from '../join-text.js';
import { parseJoinPolicy } from '../../domain/join-policy.js';
import { JOIN_DECLINE_FLOW, joinDecisionReply, type JoinDeclineArgs } from '../../flows/join-decline.js';

/** Translates in a locale (the composition root's Fluent bundles). */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

/** Downloads a photo by URL within `maxBytes`: its bytes and type, `too_large`, or null when it could not be read. */
export type ImageFetcher = (url: string, maxBytes: number) => Promise<{ content: Uint8Array; mimeType: string } | { tooLarge: number } | null>;

export interface ZaloHandlerDeps {
  services: Services;
  conversations: Conversations;
  /** Sends plain text to a chat (ZaloSender.sendText). */
  send: (chatId: string, text: string) => Promise<unknown>;
  t: Translate;
  defaultLocale: string;
  logger: Logger;
  /** How photos are fetched (default: HTTP GET with a size limit). */
  fetchImage?: ImageFetcher;
  /**
   * The bot's name as people @mention it, for the words a group is told to send ("@bot.ThiDua
   * linkgroup"): read when a group message is answered, since it is known only once getMe answered
   * at start (default "bot").
   */
  botName?: () => string | undefined;
  /** Sends a photo Zalo fetches by URL (ZaloSender.sendPhoto); resolves false when it was not delivered. */
  sendPhoto?: (chatId: string, url: string, caption?: string) => Promise<boolean>;
  /** Signed links to stored evidence under PUBLIC_URL; without it photos are not shown on Zalo. */
  mediaLinks?: MediaLinks | undefined;
  /**
   * Reads a photo Telegram keeps (by file_id), when the Telegram channel is configured too
   * (BOT_TOKEN): it is then kept in the evidence store and shown on Zalo like a Zalo photo.
   */
  telegramFiles?: ChannelFileReader | undefined;
}

const RANK = { MEMBER: 0, OFFICER: 1, ADMIN: 2 } as const;
/** Evidence photo types (as Telegram's: JPEG and PNG). */
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
/** An invite code as typed: 4–64 letters/digits, with or without the `u_` of the Telegram link. */
const INVITE_CODE = /^(?:\/start\s+)?(?:u_)?([a-z0-9]{4,64})$/i;
/**
 * "linkgroup" in a group message, after the @mention that Zalo puts in the text ("@ThiĐua Bot
 * /linkgroup abc123"; the name may hold spaces, so the word is looked for after it), with an
 * optional unit code and a trailing "xác nhận"/"confirm" that confirms moving the group.
 */
const LINK_GROUP = /^(?:@.*?\s)?\/?link\s?group(?:@\S+)?(?:\s+(?!x[aá]c\b|confirm\b)(\S+))?(?:\s+(x[aá]c\s+nh[aậ]n|confirm|ok))?\s*$/iu;

/** GET a photo, refusing more than `maxBytes` (by Content-Length, then while reading). */
export const fetchImage: ImageFetcher = async (url, maxBytes) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
  if (!res?.ok || !res.body) return null;
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    return { tooLarge: declared };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return { tooLarge: size };
    chunks.push(chunk);
  }
  const content = Buffer.concat(chunks);
  // The bytes decide: a "JPEG" that is not one is not taken as a photo.
  const declaredType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return { content, mimeType: sniffImage(content) ?? (IMAGE_TYPES.includes(declaredType) ? 'application/octet-stream' : declaredType || 'application/octet-stream') };
};


/** One message being answered: the member, their language, and what to say back. */
class Turn {
  private readonly out: string[] = [];
  /** What follows a finished flow on this channel (registration for the campaign named before joining). */
  onDone: ((flow: string, done: Extract<Reply, { kind: 'done' }>) => Promise<void>) | null = null;
  /** What a finished flow's result leads to here (a pick from a list, an announcement to queue). */
  afterFlow: ((done: Extract<Reply, { kind: 'done' }>) => Promise<void>) | null = null;
  constructor(
    private readonly deps: ZaloHandlerDeps,
    readonly event: InboundEvent,
    public member: Member,
  ) {}

  get locale(): string {
    return this.member.locale ?? this.deps.defaultLocale;
  }

  /** How the bot addresses this member (their unit's "Đồng chí" / "Anh/Chị"), read when the turn starts. */
  addressForm: string | null = null;

  /** In the member's language and form of address, worded for a channel without buttons (src/messages/text-wording.ts). */
  t = (key: string, vars?: Record<string, string | number>): string => this.deps.t(this.locale, textChannelKey(key), { ...addressVars(this.addressForm), ...vars });

  get joined(): boolean {
    return !!this.member.unitId && !!this.member.fullName;
  }

  get key(): string {
    return flowKey(this.member.id);
  }

  env(): FlowEnv {
    return { memberId: this.member.id, now: this.deps.services.now(), label: (m) => this.t(m.key, m.vars) };
  }

  /** Queues a message (HTML allowed: it is turned into plain text). */
  say(html: string): void {
    this.out.push(htmlToPlain(html));
  }

  /** Renders flow replies as text: questions numbered, messages plain, actions said in words. */
  async replies(replies: readonly Reply[]): Promise<void> {
    // A finished flow may have changed the member (name, unit, language): read them again.
    // After /link this Zalo account belongs to the member who asked for the code: answer as them.
    const done = replies.find((r): r is Extract<Reply, { kind: 'done' }> => r.kind === 'done');
    if (done) this.member = (await this.deps.services.members.byId(done.flow === LINK_FLOW && done.memberId ? done.memberId : this.member.id)) ?? this.member;
    const render = (m: { key: string; vars?: Record<string, string | number> }) => this.t(m.key, m.vars);
    for (const r of replies) {
      if (r.kind === 'done') {
        // Joined: what can be done now, in words (Telegram shows its menu keyboard instead).
        if (r.flow === 'onboarding' && this.joined) this.say(this.t('zalo-menu'));
        await this.afterFlow?.(r);
        await this.onDone?.(r.flow, r);
        continue;
      }
      if (r.kind === 'ask') {
        if (r.ask.notice) this.say(render(r.ask.notice));
        this.out.push(questionAsText(r.ask, render));
        continue;
      }
      const actions = (r.actions ?? []).map((a) =>
        a.open === 'register' ? this.t('zalo-action-register', { label: render(a.label), code: a.code }) : render(a.label),
      );
      this.say([render(r.message), ...actions.map(escapeHtml)].join('\n\n'));
    }
  }

  async start<A>(flow: string, args: A): Promise<void> {
    await this.replies(await this.deps.conversations.start(this.key, flow, args, this.env()));
  }

  /** Sends what was said, as one text (the sender cuts it into parts of ≤ 2,000 characters). */
  async flush(): Promise<void> {
    if (this.out.length === 0) return;
    await this.deps.send(this.event.chatId, this.out.join('\n\n'));
    this.out.length = 0;
  }
}

/** The receiver's `handle` for Zalo messages. */
export function zaloHandler(deps: ZaloHandlerDeps): (event: InboundEvent) => Promise<void> {
  const fetcher = deps.fetchImage ?? fetchImage;
  const { services, conversations } = deps;

  async function hasRole(turn: Turn, role: 'OFFICER' | 'ADMIN', action: string): Promise<boolean> {
    if (RANK[turn.member.role] >= RANK[role]) return true;
    // The services decide and audit the refusal, as for Telegram's commands.
    if ((await services.access.check({ id: turn.member.id }, { action, need: role })).ok) return true;
    turn.say(turn.t('forbidden'));
    return false;
  }

  /** Onboarding, as Telegram's /start: with the unit of an invite code when given. */
  async function onboard(turn: Turn, invite?: { unitId: number; code: string }): Promise<void> {
    const name = turn.event.from.name;
    await turn.start('onboarding', { ...(invite ? { inviteUnitId: invite.unitId, inviteCode: invite.code } : {}), ...(name ? { suggestedName: name } : {}) });
  }

  async function joinByCode(turn: Turn, code: string): Promise<boolean> {
    const unit = await services.units.byInviteCode(code.toLowerCase());
    if (!unit) return false;
    if (turn.member.unitId !== unit.id && !turn.joined) turn.say(turn.t('zalo-start-welcome', { name: escapeHtml(turn.event.from.name) }));
    await onboard(turn, { unitId: unit.id, code: unit.inviteCode });
    return true;
  }

  async function start(turn: Turn, arg: string): Promise<void> {
    if (/^c_/i.test(arg)) return register(turn, arg.slice(2));
    if (arg) {
      if (await joinByCode(turn, arg.replace(/^u_/i, ''))) return;
      turn.say(turn.t('zalo-invite-invalid'));
      return onboard(turn);
    }
    if (turn.joined) {
      await conversations.close(turn.key);
      const unit = await services.units.byId(turn.member.unitId!);
      turn.say(turn.t('start-welcome-back', { name: escapeHtml(turn.member.fullName!), unit: escapeHtml(unit?.name ?? '') }));
      turn.say(turn.t('zalo-menu'));
      const setup = await setupChecklist(services, turn.member);
      if (setup) turn.say(turn.t(setup.key, setup.vars));
      return;
    }
    turn.say(turn.t('zalo-start-welcome', { name: escapeHtml(turn.event.from.name) }));
    return onboard(turn);
  }

  /** Someone not in a unit yet: a person waiting for their join request's approval hears that it waits. */
  async function notJoined(turn: Turn): Promise<void> {
    turn.say(await notJoinedText(turn.t, services, turn.member.id, 'zalo-not-joined'));
  }

  async function register(turn: Turn, code: string): Promise<void> {
    if (!turn.joined) {
      // Remembered on the member (as Telegram's campaign link): registration follows onboarding.
      if (code) turn.member = await services.members.setPendingCampaign(turn.member.id, code.trim().slice(0, 64));
      return notJoined(turn);
    }
    if (turn.member.pendingCampaign !== null) turn.member = await services.members.setPendingCampaign(turn.member.id, null);
    if (!code) return turn.start(REGISTER_FLOW, { campaignId: null });
    const campaigns = await services.registrations.campaignsFor(turn.member.id);
    const campaign = campaigns.find((c) => c.code.toLowerCase() === code.trim().toLowerCase());
    if (!campaign) return turn.say(turn.t('reg-campaign-not-open'));
    await turn.start(REGISTER_FLOW, { campaignId: campaign.id });
  }

  /** The report flow; "báo cáo <milestone id>" (a reminder's action) for that milestone's campaign. */
  async function report(turn: Turn, milestoneArg: string, attach: FileRef[] = []): Promise<void> {
    if (!turn.joined) return notJoined(turn);
    let campaignId: number | null = null;
    if (milestoneArg) {
      const m = await services.reviewReports.milestone(Number(milestoneArg));
      if (!m) return turn.say(turn.t('button-expired'));
      campaignId = m.campaign.id;
    }
    const { say, args } = await openReport(services, { memberId: turn.member.id, role: turn.member.role, locale: turn.locale }, campaignId, { label: (m) => turn.t(m.key, m.vars) });
    if (args && attach.length > 0) say.unshift({ key: 'rep-photo-offer' });
    await turn.replies(say.map((message) => ({ kind: 'say', message })));
    if (args) await turn.start(REPORT_FLOW, { ...args, ...(attach.length > 0 ? { attach } : {}) });
  }

  /**
   * A photo sent outside any flow is not dropped: downloaded at once (its URL expires) and a report
   * opened with it as evidence, as on Telegram ("hủy" leaves it).
   */
  async function photoOutsideFlow(turn: Turn): Promise<void> {
    if (!turn.joined) return notJoined(turn);
    const e = turn.event;
    const got = await fetcher(e.imageUrl!, MAX_EVIDENCE_BYTES);
    if (!got) return turn.say(turn.t('zalo-image-failed'));
    if ('tooLarge' in got) return turn.say(turn.t('rep-evidence-too-large', { name: turn.t('rep-photo-word'), size: formatBytes(got.tooLarge), max: formatBytes(MAX_EVIDENCE_BYTES) }));
    if (!IMAGE_TYPES.includes(got.mimeType)) return turn.say(turn.t('rep-evidence-type', { name: turn.t('rep-photo-word') }));
    const fileId = await services.evidenceFiles.save({ channel: 'ZALO', mimeType: got.mimeType, content: got.content });
    const file: FileRef = { channel: 'zalo', kind: 'photo', fileId, size: got.content.byteLength, mimeType: got.mimeType, ...(e.caption ? { caption: e.caption } : {}) };
    return report(turn, '', [file]);
  }

  async function my(turn: Turn): Promise<void> {
    if (!turn.joined) return notJoined(turn);
    const items = await services.myStatus.forMember(turn.member.id);
    const awards = await services.honours.awardsOf(turn.member);
    if (items.length === 0 && awards.length === 0) return turn.say(turn.t('my-none'));
    turn.say([...myStatusBlocks(turn.t, items, services.now(), turn.locale), ...myAwardsBlocks(turn.t, awards)].join('\n\n'));
  }

  /**
   * The officer's registrations awaiting a decision (the first page; Telegram pages with ‹ ›), each
   * with what to send to approve or return it.
   */
  async function registrations(turn: Turn): Promise<void> {
    const r = await services.registrations.listInScope(turn.member.id, { status: 'SUBMITTED', page: 0 });
    if (!r.ok) return turn.say(turn.t('forbidden'));
    if (r.items.length === 0) return turn.say(turn.t('reg-list-empty-SUBMITTED'));
    const t = turn.t;
    const lines = r.items.map((item) =>
      [
        t('reg-list-line', { id: item.id, who: escapeHtml(item.who), unit: item.unit ? ` (${escapeHtml(item.unit)})` : '', title: escapeHtml(titleText(t, item.titleCode, item.titleName)) }),
        t('reg-list-detail', { campaign: escapeHtml(item.campaign), commitments: item.commitments, at: formatDateTime(item.at) }),
        escapeHtml(t('zalo-reg-decide', { approve: t('out-cmd-approve', { id: item.id }), return: t('out-cmd-return', { id: item.id }) })),
      ].join('\n'),
    );
    turn.say([t('reg-list-title-SUBMITTED', { from: r.offset + 1, to: r.offset + r.items.length, total: r.total }), ...lines].join('\n\n'));
  }

  /** The profile card, and the words that change it (Telegram: its three buttons). */
  async function profile(turn: Turn): Promise<void> {
    const m = turn.member;
    const unit = m.unitId ? await services.units.byId(m.unitId) : null;
    const breadcrumb = unit ? (await services.units.breadcrumb(unit)).join(' › ') : turn.t('profile-not-set');
    turn.say(
      turn.t('profile-show', {
        name: escapeHtml(m.fullName ?? turn.t('profile-not-set')),
        unit: escapeHtml(breadcrumb),
        language: turn.t('language-name'),
        role: turn.t(`role-${m.role}`),
      }),
    );
    turn.say(turn.t('zalo-profile-words'));
  }

  async function help(turn: Turn): Promise<void> {
    const parts = [turn.t('help-member')];
    if (RANK[turn.member.role] >= RANK.OFFICER) parts.push(`${turn.t('help-officer')}\n${turn.t('help-officer-joins')}`);
    if (RANK[turn.member.role] >= RANK.ADMIN) parts.push(turn.t('help-admin'));
    parts.push(turn.t('zalo-help-words'));
    if (RANK[turn.member.role] >= RANK.OFFICER) parts.push(turn.t('zalo-help-officer-words'), turn.t('zalo-help-officer-honours'), turn.t('zalo-help-officer-more'), turn.t('zalo-help-join-words'), turn.t('zalo-help-amend-words'));
    if (RANK[turn.member.role] >= RANK.ADMIN) parts.push(turn.t('zalo-help-admin-words'));
    turn.say(parts.join('\n\n'));
  }

  async function command(turn: Turn, cmd: ParsedTextCommand): Promise<void> {
    switch (cmd.command) {
      case 'start':
        return start(turn, cmd.arg);
      case 'register':
        return register(turn, cmd.arg);
      case 'report':
        return report(turn, cmd.arg);
      case 'my':
        return my(turn);
      case 'settings':
        if (!turn.joined) return notJoined(turn);
        return turn.start(SETTINGS_FLOW, {});
      case 'help':
        return help(turn);
      case 'menu':
        return turn.joined ? turn.say(turn.t('zalo-menu')) : notJoined(turn);
      case 'cancel':
        return turn.say(turn.t('nothing-to-cancel'));
      case 'language':
        return turn.start('language', undefined);
      case 'profile':
        return profile(turn);
      case 'registrations':
        return registrations(turn);
      case 'link': {
        const code = parseLinkCommand(turn.event.text ?? '')?.code ?? cmd.arg.replace(/[\s.-]/g, '');
        return turn.start<LinkArgs>(LINK_FLOW, { channel: 'ZALO', ...(code ? { code } : {}) });
      }
      case 'profilename':
        return turn.start('profile-name', turn.event.from.name ? { suggestedName: turn.event.from.name } : {});
      case 'profileunit':
        return turn.start('profile-unit', {});
      case 'campaigns':
        if (!turn.joined) return notJoined(turn);
        return turn.start(CAMPAIGN_PICK_FLOW, {});
      case 'newcampaign':
        if (!(await hasRole(turn, 'OFFICER', 'campaign.create'))) return;
        return turn.start(CREATE_CAMPAIGN_FLOW, {});
      case 'launch':
        // Preview, counts and "Phát động / Hủy" (src/flows/campaign-launch.ts); progress comes back to this chat.
        if (!(await hasRole(turn, 'OFFICER', 'campaign.launch'))) return;
        return turn.start<CampaignLaunchArgs>(CAMPAIGN_LAUNCH_FLOW, { progressChatId: turn.event.chatId, ...(cmd.arg ? { code: cmd.arg } : {}) });
      case 'nudge':
        return cmd.arg ? officerAction(turn, 'nudge', Number(cmd.arg)) : nudgeList(turn);
      case 'review':
        if (cmd.arg) return officerAction(turn, 'review', Number(cmd.arg));
        // A member who writes «nộp báo cáo» means their own progress report, not the unit's review.
        return RANK[turn.member.role] >= RANK.OFFICER ? reviewList(turn) : report(turn, '');
      case 'export':
        // The workbook is built as a job; on Zalo it arrives as a signed download link (src/flows/export.ts).
        if (!(await hasRole(turn, 'OFFICER', 'export.request'))) return;
        return turn.start<ExportArgs>(EXPORT_FLOW, { channel: 'ZALO', chatId: turn.event.chatId, ...(cmd.arg ? { code: cmd.arg } : {}) });
      case 'amend':
      case 'extend':
        // «đính chính» / «gia hạn» [mã]: what to amend, the notice's preview, «Gửi» (src/flows/campaign-amend.ts).
        if (!(await hasRole(turn, 'OFFICER', 'campaign.amend'))) return;
        return turn.start<CampaignAmendArgs>(CAMPAIGN_AMEND_FLOW, {
          progressChatId: turn.event.chatId,
          mode: cmd.command === 'extend' ? 'extend' : 'correct',
          ...(cmd.arg ? { code: cmd.arg } : {}),
        });
      case 'approve':
      case 'return':
      case 'stopbroadcast':
        return officerAction(turn, cmd.command, Number(cmd.arg));
      case 'evidence':
        return cmd.arg ? evidence(turn, Number(cmd.arg)) : evidenceList(turn);
      case 'stats':
        return stats(turn, cmd.arg);
      case 'honours':
        // Picking or typing the roll (Zalo gives no documents: the CSV/XLSX upload is Telegram's); progress comes back here.
        if (!(await hasRole(turn, 'OFFICER', 'honours.record'))) return;
        return turn.start<HonoursArgs>(HONOURS_FLOW, { progressChatId: turn.event.chatId, ...(cmd.arg ? { code: cmd.arg } : {}) });
      case 'editcampaign':
      case 'announce':
      case 'closecampaign':
      case 'archivecampaign':
        return campaignCommand(turn, cmd.command, cmd.arg);
      case 'importcampaign':
        if (!(await hasRole(turn, 'OFFICER', 'campaign.import'))) return;
        return turn.say(turn.t('zalo-files-via-telegram'));
      case 'units':
      case 'addunit':
      case 'invite':
      case 'moveunit':
      case 'audit':
      case 'grant':
      case 'revoke':
        return adminCommand(turn, cmd.command, cmd.arg);
      case 'joins':
        return joinRequests(turn);
      case 'joinapprove':
      case 'joindecline':
        return joinDecision(turn, cmd.command, Number(cmd.arg));
      case 'joinpolicy':
        if (!(await hasRole(turn, 'OFFICER', 'unit.join_policy'))) return;
        return turn.say(await setJoinPolicyText(services, turn.member.id, cmd.arg, turn.t));
      case 'addressform':
        if (!(await hasRole(turn, 'OFFICER', 'unit.address_form'))) return;
        return turn.say(await setAddressFormText(services, turn.member.id, cmd.arg, turn.t));
    }
  }

  /** «yêu cầu tham gia»: pending join requests in the officer's scope, each with what to send to decide it. */
  async function joinRequests(turn: Turn): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'join.list'))) return;
    const r = await services.joinRequests.listInScope({ id: turn.member.id });
    if (!r.ok) return turn.say(turn.t(r.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden'));
    if (r.items.length === 0) return turn.say(turn.t('joins-empty'));
    const t = turn.t;
    const lines = r.items.map((item) =>
      [pendingJoinLine(t, item), escapeHtml(t('zalo-join-decide', { approve: t('out-cmd-approve-join', { id: item.id }), decline: t('out-cmd-decline-join', { id: item.id }) }))].join('\n'),
    );
    turn.say([t('joins-title', { count: r.items.length, total: r.total }), ...lines].join('\n\n'));
  }

  /** «duyệt tham gia 7» decides at once; «từ chối tham gia 7» asks for an optional reason first (the same flow as Telegram's button). */
  async function joinDecision(turn: Turn, command: 'joinapprove' | 'joindecline', requestId: number): Promise<void> {
    const actor = { id: turn.member.id };
    if (command === 'joinapprove') {
      if (!(await hasRole(turn, 'OFFICER', 'member.join.approve'))) return;
      const reply = joinDecisionReply(await services.joinRequests.decide({ requestId, actor, decision: 'APPROVE' }), 'APPROVE');
      return turn.say(turn.t(reply.key, reply.vars));
    }
    if (!(await hasRole(turn, 'OFFICER', 'member.join.decline'))) return;
    const may = await services.joinRequests.mayDecide({ requestId, actor });
    if (!may.ok) {
      const reply = joinDecisionReply(may, 'DECLINE');
      return turn.say(turn.t(reply.key, reply.vars));
    }
    await turn.start<JoinDeclineArgs>(JOIN_DECLINE_FLOW, { requestId });
  }

  /** Opens the numbered list `items` (or says `none` when empty); the pick comes back as `action` (see {@link picked}). */
  async function pickFrom(turn: Turn, action: string, prompt: Message, items: PickItemArgs['items'], none: string): Promise<void> {
    if (items.length === 0) return turn.say(turn.t(none));
    await turn.start<PickItemArgs>(PICK_ITEM_FLOW, { action, prompt, items });
  }

  /** What was picked from a list: the same calls as the typed "<word> <id>" (the services decide again). */
  async function picked(turn: Turn, action: string, value: string): Promise<void> {
    const id = Number(value);
    switch (action) {
      case 'nudge':
      case 'review':
        return officerAction(turn, action, id);
      case 'evidence':
        return evidence(turn, id);
      case 'editcampaign':
      case 'announce':
      case 'closecampaign':
      case 'archivecampaign':
        return campaignAction(turn, action, id);
      case 'closeok':
      case 'archiveok':
        return closeOrArchive(turn, action === 'closeok' ? 'close' : 'archive', id);
      case 'invite':
        return adminCommand(turn, 'invite', value);
      case 'move': {
        const [memberId, unitId] = value.split(':').map(Number);
        return moveMember(turn, memberId!, unitId!);
      }
    }
  }

  /** A finished flow whose result this channel acts on (Telegram: its flowFollowUps). */
  async function afterFlow(turn: Turn, done: Extract<Reply, { kind: 'done' }>): Promise<void> {
    const v = done.value ?? {};
    if (done.flow === PICK_ITEM_FLOW && typeof v.action === 'string') return picked(turn, v.action, String(v.value ?? ''));
    if (done.flow === CAMPAIGN_ANNOUNCE_FLOW && typeof v.campaignId === 'number' && typeof v.text === 'string' && typeof v.nonce === 'string') {
      // Queued as data, rendered per member when sent; the service re-checks the officer and audits,
      // and the nonce makes a repeated confirmation queue it once.
      const r = await services.campaigns.announce({
        campaignId: v.campaignId,
        actor: { id: turn.member.id },
        text: v.text,
        progressChatId: turn.event.chatId,
        nonce: v.nonce,
        attachment: announceAttachment(v),
      });
      if (r.ok) return turn.say(turn.t('camp-announced', { members: r.members, groups: r.groups }));
      return turn.say(turn.t(r.reason === 'out_of_scope' ? 'camp-out-of-scope' : 'camp-announce-not-launched'));
    }
    if (done.flow === CAMPAIGN_EDIT_FLOW && typeof v.campaignId === 'number') {
      // The draft as it now reads, and what else can be done with it.
      const c = await services.campaigns.byId(v.campaignId);
      if (c) turn.say([renderDetail(turn.t, c, { now: services.now(), forOfficer: true }), turn.t('zalo-camp-draft-words', { code: c.code })].join('\n\n'));
    }
  }

  /** Which campaigns each management word applies to, the permission it needs, and what it says when none does. */
  const CAMPAIGN_ACTIONS = {
    editcampaign: { permission: 'campaign.edit', fits: (c: Listed) => c.status === 'DRAFT', none: 'zalo-camp-none-edit', pick: 'zalo-camp-pick-edit' },
    announce: { permission: 'campaign.announce', fits: (c: Listed) => c.status === 'LAUNCHED', none: 'camp-announce-none', pick: 'camp-announce-pick' },
    closecampaign: { permission: 'campaign.close', fits: (c: Listed) => c.status === 'LAUNCHED', none: 'zalo-camp-none-close', pick: 'zalo-camp-pick-close' },
    archivecampaign: { permission: 'campaign.archive', fits: (c: Listed) => c.status !== 'LAUNCHED', none: 'zalo-camp-none-archive', pick: 'zalo-camp-pick-archive' },
  } as const;
  type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;
  type Listed = { id: number; code: string; title: string; status: string; archivedAt: Date | null };

  /**
   * "sửa phong trào", "thông báo", "kết thúc phong trào", "lưu trữ phong trào" — with a campaign's
   * code, or alone: the officer's campaigns it applies to, numbered (one alone is taken at once).
   */
  async function campaignCommand(turn: Turn, action: CampaignAction, code: string): Promise<void> {
    const spec = CAMPAIGN_ACTIONS[action];
    if (!(await hasRole(turn, 'OFFICER', spec.permission))) return;
    if (code) {
      const c = await services.campaigns.byCode(code);
      if (!c) return turn.say(turn.t('zalo-camp-unknown', { code: escapeHtml(code) }));
      return campaignAction(turn, action, c.id);
    }
    const list = (await services.campaigns.listForOfficer({ id: turn.member.id })).filter((c) => !c.archivedAt && spec.fits(c));
    if (list.length === 1) return campaignAction(turn, action, list[0]!.id);
    const items = list.map((c) => ({ value: String(c.id), label: verbatim(`${c.title} (${c.code})`) }));
    return pickFrom(turn, action, { key: spec.pick }, items, spec.none);
  }

  /** One campaign: the service decides whether this officer manages it (a refusal audited there), then the flow or the confirmation. */
  async function campaignAction(turn: Turn, action: CampaignAction, campaignId: number): Promise<void> {
    const r = await services.campaigns.forManager(campaignId, { id: turn.member.id }, CAMPAIGN_ACTIONS[action].permission);
    if (!r.ok) return turn.say(turn.t(r.reason === 'not_found' ? 'button-expired' : r.reason === 'forbidden' ? 'forbidden' : 'camp-out-of-scope'));
    const c = r.campaign;
    switch (action) {
      case 'editcampaign':
        if (c.status !== 'DRAFT' || c.archivedAt) return turn.say(turn.t('camp-edit-not-draft'));
        return turn.start<CampaignEditArgs>(CAMPAIGN_EDIT_FLOW, { campaignId: c.id, code: c.code });
      case 'announce':
        if (c.status !== 'LAUNCHED' || c.archivedAt) return turn.say(turn.t('camp-announce-not-launched'));
        return turn.start<CampaignAnnounceArgs>(CAMPAIGN_ANNOUNCE_FLOW, { campaignId: c.id, title: c.title });
      case 'closecampaign':
      case 'archivecampaign': {
        // Cannot be undone from chat: asked first, as on Telegram.
        const kind = action === 'closecampaign' ? 'close' : 'archive';
        const items = [{ value: String(c.id), label: { key: `camp-${kind}-confirm-yes` } }];
        return pickFrom(turn, `${kind}ok`, { key: `camp-${kind}-confirm`, vars: { title: escapeHtml(c.title) } }, items, 'button-expired');
      }
    }
  }

  /** Closing or archiving, confirmed: the service re-checks the officer and the state, and audits. */
  async function closeOrArchive(turn: Turn, kind: 'close' | 'archive', campaignId: number): Promise<void> {
    const c = await services.campaigns.byId(campaignId);
    if (!c) return turn.say(turn.t('button-expired'));
    const actor = { id: turn.member.id };
    const r = kind === 'close' ? await services.campaigns.close(campaignId, actor) : await services.campaigns.archive(campaignId, actor);
    if (r.ok) return turn.say(turn.t(kind === 'close' ? 'camp-closed' : 'camp-archived', { title: escapeHtml(c.title) }));
    if (r.reason === 'out_of_scope') return turn.say(turn.t('camp-out-of-scope'));
    return turn.say(turn.t(kind === 'close' ? 'camp-close-refused' : 'camp-archive-refused'));
  }

  /** "minh chứng" alone: the recent reports with evidence in the officer's scope, numbered (Telegram: /evidence). */
  async function evidenceList(turn: Turn): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'report.evidence'))) return;
    const r = await services.reports.recentFor({ id: turn.member.id });
    if (!r.ok) return turn.say(turn.t('forbidden'));
    const items = r.reports.map((x) => ({ value: String(x.id), label: verbatim(`#${x.id} ${x.member.fullName ?? ''} · ${x.criterion.title}`.slice(0, 120)) }));
    return pickFrom(turn, 'evidence', { key: 'rep-evidence-list' }, items, 'rep-evidence-none');
  }

  /** "nhắc" alone: the milestones the officer may nudge, numbered (Telegram: /nudge). */
  async function nudgeList(turn: Turn): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'reminders.nudge'))) return;
    const list = await services.reminders.nudgeable({ id: turn.member.id }, services.now());
    const items = list.map((m) => ({ value: String(m.id), label: verbatim(`${shorten(m.campaign.title, 40)} · ${turn.t(`reminder-what-${m.kind}`)} · ${formatDateTime(m.dueAt)}`) }));
    return pickFrom(turn, 'nudge', { key: 'nudge-choose' }, items, 'nudge-nothing');
  }

  /** "nộp báo cáo" alone: the unit's review reports to submit, numbered (Telegram: /review). */
  async function reviewList(turn: Turn): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'review.open'))) return;
    const r = await services.reviewReports.openForActor({ id: turn.member.id });
    if (!r.ok) return turn.say(turn.t(r.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden'));
    if (r.milestones.length === 0) return turn.say(turn.t('review-none', { unit: escapeHtml(r.unit.name) }));
    const items = r.milestones.map((m) => ({
      value: String(m.id),
      label: verbatim(
        turn.t('review-item', { campaign: shorten(m.campaign.title, 40), what: turn.t(`reminder-what-${m.kind}`), deadline: formatDateTime(m.dueAt), done: m.reviewReports.length > 0 ? 'yes' : 'no' }),
      ),
    }));
    return pickFrom(turn, 'review', { key: 'zalo-review-choose', vars: { unit: escapeHtml(r.unit.name) } }, items, 'nudge-nothing');
  }

  /**
   * Administration by words, as Telegram's /units, /addunit, /invite, /moveunit, /audit, /grant,
   * /revoke: the same service calls, which decide who may and audit. On Zalo an invitation is the
   * code to send the bot (Zalo has no deep links).
   */
  async function adminCommand(turn: Turn, command: 'units' | 'addunit' | 'invite' | 'moveunit' | 'audit' | 'grant' | 'revoke', arg: string): Promise<void> {
    const actor = { id: turn.member.id };
    const pipe = () => arg.split('|').map((x) => x.trim());
    switch (command) {
      case 'units': {
        if (!(await hasRole(turn, 'OFFICER', 'units.view'))) return;
        const tree = await services.units.treeFor(actor);
        if (!tree.ok) return turn.say(turn.t(tree.reason === 'no_unit' ? 'officer-needs-unit' : 'forbidden'));
        if (tree.units.length === 0) return turn.say(turn.t('units-none'));
        return turn.say(unitTreeHtml(turn.t, tree));
      }
      case 'addunit': {
        if (!(await hasRole(turn, 'ADMIN', 'unit.create'))) return;
        const [code = '', name = '', parentCode, groupCode, joinWord] = pipe();
        const join = joinWord ? parseJoinPolicy(joinWord) : null;
        if (!code || !name || (joinWord && !join)) return turn.say(turn.t('zalo-addunit-usage'));
        const r = await services.units.addUnit({ actor, code, name, ...(parentCode ? { parentCode } : {}), ...(groupCode ? { groupCode } : {}), ...(join ? { join } : {}) });
        if (!r.ok) {
          if (r.reason === 'forbidden') return turn.say(turn.t('forbidden'));
          const codeArg = r.reason === 'parent_unknown' ? parentCode : r.reason === 'group_unknown' ? groupCode : code;
          return turn.say(turn.t(`addunit-${r.reason}`, { code: escapeHtml(codeArg ?? '') }));
        }
        return turn.say(`${turn.t('addunit-done', { name: escapeHtml(r.unit.name), code: escapeHtml(r.unit.code) })}\n${turn.t('addunit-join', { policy: joinPolicyLabel(turn.t, r.unit.joinPolicy), code: escapeHtml(r.unit.code) })}`);
      }
      case 'invite': {
        if (!(await hasRole(turn, 'OFFICER', 'unit.invite'))) return;
        const r = await services.units.invite({ actor, ...(arg ? { code: arg } : {}) });
        if (!r.ok) {
          if (r.reason === 'unknown_unit') return turn.say(turn.t('invite-unknown-unit', { code: escapeHtml(r.code) }));
          // Several units match the name typed: pick one by number (Telegram: a button each).
          if (r.reason === 'ambiguous') {
            const items = r.units.map((u) => ({ value: u.code, label: verbatim(`${u.name} · ${u.code}`) }));
            return pickFrom(turn, 'invite', { key: 'invite-pick', vars: { query: escapeHtml(r.code) } }, items, 'button-expired');
          }
          if (r.reason === 'no_unit') return turn.say(turn.t('officer-needs-unit'));
          if (r.reason === 'forbidden') return turn.say(turn.t('forbidden'));
          return turn.say(turn.t('forbidden-scope', { unit: escapeHtml(r.unit?.name ?? arg) }));
        }
        return turn.say(turn.t('zalo-invite-code', { unit: escapeHtml(r.unit.name), code: r.unit.inviteCode }));
      }
      case 'moveunit': {
        if (!(await hasRole(turn, 'OFFICER', 'member.move'))) return;
        const [code = '', query = ''] = pipe();
        if (!code || !query) return turn.say(turn.t('zalo-moveunit-usage'));
        const r = await services.members.moveCandidates({ actor, unitCode: code, query: query.slice(0, 100) });
        if (!r.ok) {
          if (r.reason === 'unit_not_found') return turn.say(turn.t('invite-unknown-unit', { code: escapeHtml(code) }));
          return turn.say(r.reason === 'forbidden' ? turn.t('forbidden') : turn.t('forbidden-scope', { unit: escapeHtml(r.unit) }));
        }
        const items = r.found.map((m) => ({ value: `${m.id}:${r.unit.id}`, label: verbatim(`${m.fullName ?? '?'} · ${m.unit?.name ?? '—'} → ${r.unit.name}`) }));
        if (items.length === 0) return turn.say(turn.t('grant-none', { query: escapeHtml(query) }));
        return pickFrom(turn, 'move', { key: 'moveunit-choose', vars: { unit: escapeHtml(r.unit.name) } }, items, 'button-expired');
      }
      case 'audit': {
        if (!(await hasRole(turn, 'ADMIN', 'audit.view'))) return;
        const r = await services.audit.viewFor(actor, { limit: 20 });
        if (!r.ok) return turn.say(turn.t('forbidden'));
        if (r.entries.length === 0) return turn.say(turn.t('audit-empty'));
        return turn.say(auditHtml(turn.t, r.entries));
      }
      case 'grant':
      case 'revoke': {
        const grant = command === 'grant';
        if (!(await hasRole(turn, 'ADMIN', grant ? 'role.grant' : 'role.revoke'))) return;
        return turn.start<GrantArgs>(GRANT_ROLE_FLOW, { grant, query: arg });
      }
    }
  }

  /** A member moved by an officer or admin, picked from the list: the service decides and audits. */
  async function moveMember(turn: Turn, memberId: number, unitId: number): Promise<void> {
    const r = await services.members.moveMember({ actor: { id: turn.member.id }, memberId, unitId });
    if (!r.ok) return turn.say(turn.t(r.reason === 'forbidden' ? 'forbidden' : 'button-expired'));
    turn.say(turn.t('moveunit-done', { name: escapeHtml(r.member.fullName ?? '?'), from: escapeHtml(r.from ?? '—'), unit: escapeHtml(r.member.unit?.name ?? '') }));
  }

  /** «thống kê [mã]»: as Telegram's /stats — the campaign named, or the picker. */
  async function stats(turn: Turn, code: string): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'stats.view'))) return;
    if (!code) return turn.start<CampaignPickArgs>(CAMPAIGN_PICK_FLOW, { purpose: 'stats' });
    const campaign = await services.campaigns.byCode(code.trim().toLowerCase());
    if (!campaign) return turn.say(turn.t('stats-unknown', { code: escapeHtml(code.trim()) }));
    await showStats(turn, campaign.id);
  }

  /**
   * The figures as text (the Nudge action as «nhắc <id>»; the sender cuts at 2,000 characters), then
   * the chart by a signed link Zalo fetches (`/media/chart/<token>`, drawn when fetched). Without
   * PUBLIC_URL the officer is told the chart cannot be shown here.
   */
  async function showStats(turn: Turn, campaignId: number): Promise<void> {
    const r = await services.stats.forCampaign({ actor: { id: turn.member.id }, campaignId });
    if (!r.ok) return turn.say(turn.t(STATS_REFUSAL_KEYS[r.reason], { code: String(campaignId) }));
    const rendered = renderMessage(turn.t, statsMessage(r.stats));
    const actions = rendered.actions.flat().map((a, i) => escapeHtml(actionLine(turn.t, i + 1, a)));
    turn.say([rendered.html, ...(actions.length ? [actions.join('\n')] : [])].join('\n\n'));
    const url = deps.sendPhoto ? deps.mediaLinks?.chartLinkFor(campaignId, turn.member.id, services.now()) : null;
    if (!url) return turn.say(turn.t('stats-chart-no-public-url'));
    // The text first, then the photo.
    await turn.flush();
    const omitted = Math.max(0, r.stats.units.length - MAX_CHART_UNITS);
    const caption = htmlToPlain(chartCaption(turn.t, r.stats.campaign.title, r.stats.units.length - omitted, omitted));
    if (!(await deps.sendPhoto!(turn.event.chatId, url, caption))) turn.say(turn.t('stats-chart-failed'));
  }

  /**
   * "minh chứng 12": the evidence of a report, as Telegram's /evidence (the same permission and
   * service call). Photos kept in the evidence store go by a signed link under PUBLIC_URL, which
   * Zalo fetches; a file Telegram keeps is named, and the officer is told to look on Telegram.
   */
  async function evidence(turn: Turn, reportId: number): Promise<void> {
    if (!(await hasRole(turn, 'OFFICER', 'report.evidence'))) return;
    const r = await services.reports.evidenceFor(reportId, { id: turn.member.id });
    if (!r.ok) {
      if (r.reason === 'not_found') return turn.say(turn.t('rep-evidence-unknown', { id: reportId }));
      return turn.say(r.reason === 'forbidden' ? turn.t('forbidden') : turn.t('forbidden-scope', { unit: r.unit ?? '—' }));
    }
    const report = r.report;
    turn.say(
      turn.t('rep-evidence-header', {
        id: report.id,
        member: escapeHtml(report.member.fullName ?? ''),
        line: escapeHtml(report.criterion.title),
        at: formatDateTime(report.updatedAt),
        count: report.attachments.length,
      }),
    );
    const links = deps.mediaLinks?.enabled ? deps.mediaLinks : undefined;
    const photos: { url: string; caption?: string }[] = [];
    for (const a of report.attachments) {
      const name = a.fileName ?? `#${a.id}`;
      let fileId = a.fileId;
      if (!isStoredEvidence(fileId)) {
        // A photo Telegram keeps: fetched from Telegram into the store when the bot runs there too.
        const imported = a.kind === 'PHOTO' && links && deps.telegramFiles ? await services.evidenceFiles.importTelegramPhoto(a, deps.telegramFiles, MAX_EVIDENCE_BYTES) : null;
        if (!imported) {
          turn.say(turn.t(a.kind === 'PHOTO' && links && deps.telegramFiles ? 'zalo-evidence-telegram-failed' : 'zalo-evidence-on-telegram', { name: escapeHtml(name), id: report.id }));
          continue;
        }
        fileId = imported;
      }
      const url = a.kind === 'PHOTO' && links && deps.sendPhoto ? links.linkFor(fileId, services.now()) : null;
      if (!url) {
        turn.say(turn.t(links ? 'zalo-evidence-not-photo' : 'zalo-evidence-no-public-url', { name: escapeHtml(name) }));
        continue;
      }
      const caption = evidenceCaption(a, 2000);
      photos.push({ url, ...(caption ? { caption } : {}) });
    }
    // The header first, then the photos in order.
    await turn.flush();
    for (const p of photos) {
      if (!(await deps.sendPhoto!(turn.event.chatId, p.url, p.caption))) turn.say(turn.t('zalo-evidence-send-failed'));
    }
  }

  /**
   * What an officer's message offers as numbered actions ("duyệt 12", "trả lại 12", "nhắc 3",
   * "nộp báo cáo 3", "dừng gửi 5"): the same service calls as Telegram's buttons, which decide and audit.
   */
  async function officerAction(turn: Turn, action: 'approve' | 'return' | 'nudge' | 'review' | 'stopbroadcast', id: number): Promise<void> {
    const actor = { id: turn.member.id };
    switch (action) {
      case 'approve': {
        if (!(await hasRole(turn, 'OFFICER', 'registration.approve'))) return;
        const r = await services.registrations.decide({ registrationId: id, actor, decision: 'APPROVE' });
        return turn.say(r.ok ? turn.t('reg-approved', { id }) : turn.t(`reg-decide-${r.reason}`));
      }
      case 'return': {
        if (!(await hasRole(turn, 'OFFICER', 'registration.return'))) return;
        const may = await services.registrations.mayDecide({ registrationId: id, actor, decision: 'RETURN' });
        if (!may.ok) {
          if (may.reason === 'not_found') return turn.say(turn.t('reg-decide-not_found'));
          return turn.say(may.reason === 'forbidden' ? turn.t('forbidden') : turn.t('forbidden-scope', { unit: may.unit ?? '—' }));
        }
        return turn.start<ReturnArgs>(RETURN_FLOW, { registrationId: id });
      }
      case 'nudge': {
        // The same preview as Telegram's (src/flows/nudge.ts): who would be reminded, per unit, then a
        // confirmation; the service decides and audits both the preview and the nudge.
        if (!(await hasRole(turn, 'OFFICER', 'reminders.nudge'))) return;
        return turn.start<NudgeArgs>(NUDGE_FLOW, { milestoneId: id });
      }
      case 'review': {
        if (!(await hasRole(turn, 'OFFICER', 'review.submit'))) return;
        const opened = await openReview(services, turn.member.id, id);
        if (!opened.ok) return turn.replies([{ kind: 'say', message: opened.say }]);
        return turn.start(REVIEW_FLOW, opened.args);
      }
      case 'stopbroadcast': {
        if (!(await hasRole(turn, 'OFFICER', 'broadcast.stop'))) return;
        const r = await services.broadcasts.cancelFor(id, actor);
        if (!r.ok) return turn.say(r.reason === 'forbidden' ? turn.t('forbidden') : turn.t(`broadcast-stop-${r.reason}`));
        return turn.say(turn.t('broadcast-stop-done', { dropped: r.dropped }));
      }
    }
  }

  /** A photo for the open flow: downloaded now (Zalo's URL expires) into the evidence store. */
  async function photoInput(turn: Turn): Promise<FlowInput | null> {
    const e = turn.event;
    const ask = await conversations.question(turn.key, turn.env());
    const caption = e.caption ? { caption: e.caption } : {};
    // Not a step that takes files: the flow says what it expects (nothing to keep).
    if (ask?.accepts !== 'file') return { kind: 'file', file: { channel: 'zalo', kind: 'photo', fileId: e.imageUrl!, ...caption } };
    const got = await fetcher(e.imageUrl!, MAX_EVIDENCE_BYTES);
    if (!got) {
      turn.say(turn.t('zalo-image-failed'));
      return null;
    }
    if ('tooLarge' in got) return { kind: 'file', file: { channel: 'zalo', kind: 'photo', fileId: e.imageUrl!, size: got.tooLarge, ...caption } };
    if (!IMAGE_TYPES.includes(got.mimeType)) {
      // Not a JPEG or PNG: the flow's type check refuses it, naming no file.
      return { kind: 'file', file: { channel: 'zalo', kind: 'document', fileId: e.imageUrl!, mimeType: got.mimeType, fileName: 'photo', ...caption } };
    }
    const fileId = await services.evidenceFiles.save({ channel: 'ZALO', mimeType: got.mimeType, content: got.content });
    const file: FileRef = { channel: 'zalo', kind: 'photo', fileId, size: got.content.byteLength, mimeType: got.mimeType, ...caption };
    return { kind: 'file', file };
  }

  /** True when typed words (not a slash command) name a choice of the open flow's question. */
  async function answersQuestion(turn: Turn, cmd: ParsedTextCommand, text: string): Promise<boolean> {
    if (cmd.slash) return false;
    const ask = await conversations.question(turn.key, turn.env());
    return !!ask && ask.choices.length > 0 && matchChoice(text, ask.choices, turn.env()) !== undefined;
  }

  async function handleText(turn: Turn, text: string): Promise<void> {
    const cmd = parseTextCommand(text);
    const open = await conversations.open(turn.key);
    const code = cmd ? undefined : INVITE_CODE.exec(text.trim())?.[1];
    // An invite code sent while onboarding (the member wrote "xin chào" first) joins that unit.
    if (open && code && !turn.joined && (await joinByCode(turn, code))) return;
    if (open) {
      // "hủy", "/cancel", "quay lại", "0" and answers are the flow's to read.
      // A word that is also a choice of the open question ("Phát động" when asked to confirm a launch) answers it.
      const isCommand = cmd && cmd.command !== 'cancel' && !(await answersQuestion(turn, cmd, text));
      if (!isCommand) return turn.replies((await conversations.input(turn.key, { kind: 'text', text }, turn.env())) ?? []);
      if (open.casual) await conversations.close(turn.key);
      else if (!open.passCommands.includes(cmd.command)) return turn.say(turn.t('zalo-flow-busy', { flow: turn.t(open.nameKey) }));
      return command(turn, cmd);
    }
    if (cmd) return command(turn, cmd);
    if (code && (await joinByCode(turn, code))) return;
    if (!turn.joined) return start(turn, '');
    turn.say(turn.t('zalo-unhandled'));
  }

  async function handleEvent(turn: Turn): Promise<void> {
    const e = turn.event;
    if (e.kind === 'text') return handleText(turn, e.text ?? '');
    const open = await conversations.open(turn.key);
    if (e.kind === 'image') {
      if (!open) return photoOutsideFlow(turn);
      const input = await photoInput(turn);
      if (input) await turn.replies((await conversations.input(turn.key, input, turn.env())) ?? []);
      return;
    }
    // A sticker or what Zalo withholds: politely, and the open question again if there is one.
    turn.say(turn.t('zalo-unsupported'));
    // A file (a campaign's YAML/JSON, a document) reaches a Zalo bot as nothing it can read: an
    // officer is told where campaign files go (Telegram) or how to write one here (the wizard).
    if (e.kind === 'unsupported' && RANK[turn.member.role] >= RANK.OFFICER) turn.say(turn.t('zalo-files-via-telegram'));
    if (open) await turn.replies((await conversations.input(turn.key, { kind: 'other' }, turn.env())) ?? []);
  }

  /** A message that @mentions the bot in a group: /linkgroup, or a pointer to private chat. */
  async function groupMessage(event: InboundEvent): Promise<void> {
    const bot = deps.botName?.() ?? 'bot';
    const m = event.kind === 'text' ? LINK_GROUP.exec((event.text ?? '').trim()) : null;
    if (!m) {
      // In the group's (default) language, and about no one: the sender is not even looked up.
      await deps.send(event.chatId, htmlToPlain(deps.t(deps.defaultLocale, 'zalo-group-private-only', { bot })));
      return;
    }
    const member = await services.members.touch({ channel: 'ZALO', externalId: event.from.externalId, firstName: event.from.name });
    const t = (key: string, vars?: Record<string, string | number>) => deps.t(member.locale ?? deps.defaultLocale, key, vars);
    const unitRef = m[1];
    const confirm = !!m[2];
    // Zalo cannot say whether the sender administers the group: `null` makes the officer role and
    // scope the whole check (the audit row records that the group-admin check was not possible).
    const first = await services.groupChats.linkByOfficer({
      actor: { id: member.id },
      chatId: event.chatId,
      title: null,
      senderIsChatAdmin: null,
      channel: 'ZALO',
      ...(unitRef ? { unitRef } : {}),
    });
    let result = first;
    if (!first.ok && first.reason === 'needs_confirmation' && confirm) {
      result = await services.groupChats.linkByOfficer({
        actor: { id: member.id },
        chatId: event.chatId,
        title: null,
        senderIsChatAdmin: null,
        channel: 'ZALO',
        confirmMove: true,
        expectUnitId: first.unitId,
        ...(unitRef ? { unitRef } : {}),
      });
    }
    let text: string;
    if (result.ok) {
      text = result.movedFrom
        ? t('group-relinked', { from: escapeHtml(result.movedFrom), unit: escapeHtml(result.group.unit.name) })
        : t('group-linked', { unit: escapeHtml(result.group.unit.name) });
    } else if (result.reason === 'needs_confirmation') {
      const unit = await services.units.byId(result.unitId);
      text = t('zalo-group-relink-ask', { current: escapeHtml(result.currentUnit), unit: escapeHtml(result.unit), bot, code: unit?.code ?? '' });
    } else {
      text = t(GROUP_LINK_REFUSAL_KEYS[result.reason]);
    }
    await deps.send(event.chatId, htmlToPlain(text));
  }

  return async (event) => {
    if (event.chatType === 'group') {
      try {
        await groupMessage(event);
      } catch (err) {
        if (isStoreOutage(err)) throw err;
        deps.logger.error({ err, eventId: event.eventId }, 'zalo group message failed');
      }
      return;
    }
    const member = await services.members.touch({ channel: 'ZALO', externalId: event.from.externalId, firstName: event.from.name });
    const turn = new Turn(deps, event, member);
    turn.addressForm = await services.units.addressFormOf(member.unitId);
    turn.afterFlow = (done) => afterFlow(turn, done);
    turn.onDone = async (flow, done) => {
      // The /stats picker ends with the campaign chosen: the figures follow.
      if (flow === CAMPAIGN_PICK_FLOW && done.value?.statsCampaignId) return showStats(turn, Number(done.value.statsCampaignId));
      if (flow !== 'onboarding' || !turn.joined || !turn.member.pendingCampaign) return;
      const code = turn.member.pendingCampaign;
      turn.onDone = null;
      await register(turn, code);
    };
    try {
      await handleEvent(turn);
    } catch (err) {
      // A store outage is the receiver's to report (the update is not marked done); anything else is a bug.
      if (isStoreOutage(err)) throw err;
      deps.logger.error({ err, eventId: event.eventId }, 'zalo message failed');
      turn.say(turn.t('error-generic'));
    }
    await turn.flush();
  };
}
