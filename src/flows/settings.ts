/**
 * Cài đặt (/settings). Asks: whether reminders before deadlines stay on — one choice that turns
 * them off when they are on and on when they are off ("tắt" / "bật" typed work too). Stores (in
 * the flow state) only the member's current setting; `ReminderService.setEnabled` saves the new one.
 * A casual flow: the menu or a command leaves it without "you are in the middle of …".
 */
import type { Services } from '../services/index.js';
import type { FlowSpec, Reply } from './conversations.js';
import { problem, type Step } from './model.js';

/** Flow id of the settings. */
export const SETTINGS_FLOW = 'settings';

/** What the flow is started with: the member's current setting (read by `prepare`). */
export interface SettingsArgs {
  remindersOn?: boolean;
}

interface SettingsData {
  remindersOn: boolean;
  want: boolean | null;
}

/** The settings flow, saving through `services.reminders`. */
export function createSettingsFlow(services: Services): FlowSpec<SettingsData, SettingsArgs> {
  const reminders: Step<SettingsData> = {
    id: 'reminders',
    accepts: 'choice',
    prompt: (d, ctx) => ({ key: 'settings-show', vars: { state: ctx.label({ key: d.remindersOn ? 'settings-state-on' : 'settings-state-off' }) } }),
    choices: (d) => [
      d.remindersOn
        ? { value: 'off', label: { key: 'settings-turn-off' }, aliases: ['tat', 'off'] }
        : { value: 'on', label: { key: 'settings-turn-on' }, aliases: ['bat', 'on'] },
    ],
    answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, want: a.value === 'on' } } : problem('flow-problem-choice', { count: 1 })),
  };

  return {
    id: SETTINGS_FLOW,
    version: 1,
    nameKey: 'settings-flow-name',
    casual: true,
    steps: [reminders],
    init: (args) => ({ remindersOn: args.remindersOn ?? true, want: null }),
    async prepare(_args, env) {
      const member = await services.members.byId(env.memberId);
      return member ? { ok: true, args: { remindersOn: member.remindersEnabled } } : { ok: false, message: { key: 'not-joined' } };
    },
    async complete(d, env): Promise<Reply[]> {
      const on = d.want ?? d.remindersOn;
      await services.reminders.setEnabled(env.memberId, on);
      return [{ kind: 'say', message: { key: on ? 'settings-saved-on' : 'settings-saved-off' } }];
    },
  };
}
