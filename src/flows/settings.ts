/**
 * Cài đặt (/settings). Asks: whether reminders before deadlines stay on — one choice that turns
 * them off when they are on and on when they are off ("tắt" / "bật" typed work too). A member linked
 * on two channels (/link) is also shown where the bot's messages go and may change it: the channel
 * used last, or one channel always. Stores (in the flow state) only the member's current settings;
 * `ReminderService.setEnabled` and `MemberService.setPreferredChannel` save the new ones.
 * A casual flow: the menu or a command leaves it without "you are in the middle of …".
 */
import type { Services } from '../services/index.js';
import type { Channel } from '../generated/prisma/client.js';
import { CHANNEL_ORDER } from '../services/identity-links.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Choice, type Message, type Step } from './model.js';

/** Flow id of the settings. */
export const SETTINGS_FLOW = 'settings';

/** What the flow is started with: the member's current settings (read by `prepare`). */
export interface SettingsArgs {
  remindersOn?: boolean;
  /** The channels the member is reached on (the channel choice is offered from two on). */
  channels?: Channel[];
  preferred?: Channel | null;
}

interface SettingsData {
  remindersOn: boolean;
  want: boolean | null;
  channels: Channel[];
  preferred: Channel | null;
  /** The member asked to change where messages go; `to` is their answer ('last' = the channel used last). */
  channel: { to: Channel | 'last' | null } | null;
}

/** The settings flow, saving through `services.reminders` and `services.members`. */
export function createSettingsFlow(services: Services): FlowSpec<SettingsData, SettingsArgs> {
  const linked = (d: SettingsData) => d.channels.length >= 2;
  const channelState = (d: SettingsData) => (d.preferred ? { key: `channel-name-${d.preferred}` } : { key: 'settings-channel-last' });

  const reminders: Step<SettingsData> = {
    id: 'reminders',
    accepts: 'choice',
    prompt: (d, ctx): Message => {
      const state = ctx.label({ key: d.remindersOn ? 'settings-state-on' : 'settings-state-off' });
      return linked(d) ? { key: 'settings-show-linked', vars: { state, channel: ctx.label(channelState(d)) } } : { key: 'settings-show', vars: { state } };
    },
    choices: (d) => [
      d.remindersOn
        ? { value: 'off', label: { key: 'settings-turn-off' }, aliases: ['tat', 'off'] }
        : { value: 'on', label: { key: 'settings-turn-on' }, aliases: ['bat', 'on'] },
      ...(linked(d) ? [{ value: 'channel', label: { key: 'settings-change-channel' }, aliases: ['kenh', 'channel'] }] : []),
    ],
    answer: (d, a) => {
      if (a.kind !== 'choice') return problem('flow-problem-choice', { count: linked(d) ? 2 : 1 });
      if (a.value === 'channel') return { ok: true, data: { ...d, want: null, channel: { to: null } } };
      return { ok: true, data: { ...d, want: a.value === 'on', channel: null } };
    },
  };

  const channel: Step<SettingsData> = {
    id: 'channel',
    accepts: 'choice',
    skip: (d) => d.channel === null,
    prompt: (d, ctx) => ({ key: 'settings-ask-channel', vars: { channel: ctx.label(channelState(d)) } }),
    choices: (d): Choice[] => [
      { value: 'last', label: { key: 'settings-channel-last-option' } },
      ...d.channels.map((c) => ({ value: c, label: { key: `channel-name-${c}` } })),
    ],
    answer: (d, a) =>
      a.kind === 'choice' ? { ok: true, data: { ...d, channel: { to: a.value as Channel | 'last' } } } : problem('flow-problem-choice', { count: d.channels.length + 1 }),
  };

  return {
    id: SETTINGS_FLOW,
    version: 2,
    nameKey: 'settings-flow-name',
    casual: true,
    steps: [reminders, channel],
    init: (args) => ({ remindersOn: args.remindersOn ?? true, want: null, channels: args.channels ?? [], preferred: args.preferred ?? null, channel: null }),
    async prepare(_args, env) {
      const member = await services.members.byId(env.memberId);
      if (!member) return { ok: false, message: { key: 'not-joined' } };
      const on = new Set((await services.members.identities(member.id)).map((i) => i.channel));
      // Always in the same order, whichever was used last.
      const channels = CHANNEL_ORDER.filter((c) => on.has(c));
      return { ok: true, args: { remindersOn: member.remindersEnabled, channels, preferred: member.preferredChannel } };
    },
    async complete(d, env): Promise<Reply[]> {
      if (d.channel?.to) {
        const to = d.channel.to === 'last' ? null : d.channel.to;
        const r = await services.members.setPreferredChannel(env.memberId, to);
        if (!r.ok) return [{ kind: 'say', message: { key: 'button-expired' } }];
        return [{ kind: 'say', message: to ? { key: 'settings-channel-saved', vars: { channel: env.label({ key: `channel-name-${to}` }) } } : { key: 'settings-channel-saved-last' } }];
      }
      const on = d.want ?? d.remindersOn;
      await services.reminders.setEnabled(env.memberId, on);
      return [{ kind: 'say', message: { key: on ? 'settings-saved-on' : 'settings-saved-off' } }];
    },
  };
}
