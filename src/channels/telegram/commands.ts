import type { Api } from 'grammy';
import type { Member } from '../../generated/prisma/client.js';
import type { Translator } from './i18n.js';
import type { Logger } from '../../logger.js';

const MEMBER_COMMANDS = ['start', 'campaigns', 'register', 'report', 'my', 'settings', 'link', 'profile', 'language', 'help', 'cancel'] as const;
const OFFICER_COMMANDS = ['newcampaign', 'importcampaign', 'announce', 'amend', 'registrations', 'review', 'nudge', 'stats', 'evidence', 'export', 'honours', 'invite', 'units', 'moveunit', 'joins', 'joinpolicy', 'addressform'] as const;
const ADMIN_COMMANDS = ['addunit', 'addgroup', 'importunits', 'grant', 'revoke', 'audit'] as const;

/**
 * Commands that only make sense in a private chat with the bot: every menu command of every role.
 * In a group they would show a person's name, unit, role or registrations to everyone there.
 */
export const PRIVATE_COMMANDS: readonly string[] = [...MEMBER_COMMANDS, ...OFFICER_COMMANDS, ...ADMIN_COMMANDS];

/** The command list a role sees in Telegram's menu, in the given locale. */
export function commandsFor(role: Member['role'], locale: string, t: Translator) {
  const names: string[] = [...MEMBER_COMMANDS];
  if (role === 'OFFICER' || role === 'ADMIN') names.push(...OFFICER_COMMANDS);
  if (role === 'ADMIN') names.push(...ADMIN_COMMANDS);
  return names.map((command) => ({ command, description: t(locale, `cmd-${command}`) }));
}

/** Member commands for everybody: Vietnamese by default, English for English-language clients. */
export async function syncDefaultCommands(api: Api, t: Translator, defaultLocale: string): Promise<void> {
  await api.setMyCommands(commandsFor('MEMBER', defaultLocale, t));
  for (const locale of ['vi', 'en'] as const) {
    await api.setMyCommands(commandsFor('MEMBER', locale, t), { language_code: locale });
  }
}

/**
 * Everyone's menu is scoped to their own private chat (`userId`: their Telegram identity; null when
 * they have none), in the language they chose in the bot — not their Telegram app's, which the
 * default menu follows: a member who switched to English with /language reads an English menu.
 * Officers and admins get their longer menu. Called on /start, after a grant or revoke, and after
 * a language change.
 */
export async function syncMemberCommands(api: Api, member: Member, userId: string | null, t: Translator, log?: Logger): Promise<void> {
  if (!userId) return;
  const scope = { type: 'chat' as const, chat_id: Number(userId) };
  try {
    await api.setMyCommands(commandsFor(member.role, member.locale, t), { scope });
  } catch (err) {
    // A menu that could not be set is cosmetic: the commands still work when typed.
    log?.warn({ err, memberId: member.id }, 'could not set the command menu');
  }
}
