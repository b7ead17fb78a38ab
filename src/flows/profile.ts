/**
 * Profile changes: the full name (`profile-name`: one question, the channel's display name offered),
 * the unit (`profile-unit`: the unit picker of onboarding; `members.changeOwnUnit` decides and
 * audits, an officer is told who can move them) and the language (`language`: Tiếng Việt / English).
 * Stores: the name or language on the Member row when the flow completes; the unit as soon as it is picked.
 */
import type { Services } from '../services/index.js';
import { SUPPORTED_LOCALES, type Locale } from '../services/members.js';
import { escapeHtml } from '../domain/text.js';
import type { FlowSpec } from './conversations.js';
import { MEMBER_SETUP_COMMANDS, nameCaseStep, nameStep, requestedReply, stopReply, unitLevel, unitStep, type MemberData } from './onboarding.js';

/** What the channel starts a profile change with. */
export interface ProfileStart {
  suggestedName?: string;
}

/** /profile → ✏️ Đổi họ tên: the name question, then "saved" with the main menu. */
export function createProfileNameFlow(services: Services): FlowSpec<MemberData, ProfileStart> {
  return {
    id: 'profile-name',
    version: 1,
    nameKey: 'profile-name-flow-name',
    passCommands: MEMBER_SETUP_COMMANDS,
    init: (start) => ({ view: { parentId: null, page: 0, pages: 1, items: [] }, askName: true, ...(start.suggestedName ? { suggestedName: start.suggestedName } : {}) }),
    steps: [nameStep<MemberData>(), nameCaseStep<MemberData>()],
    async complete(d, env) {
      await services.members.setName(env.memberId, d.name!);
      return [{ kind: 'say', message: { key: 'profile-name-saved', vars: { name: escapeHtml(d.name!) } }, menu: true }];
    },
  };
}

/** /profile → 🏢 Đổi đơn vị: the unit picker; the move is made (or refused) when a unit is chosen. */
export function createProfileUnitFlow(services: Services): FlowSpec<MemberData, MemberData> {
  return {
    id: 'profile-unit',
    version: 1,
    nameKey: 'profile-unit-flow-name',
    passCommands: MEMBER_SETUP_COMMANDS,
    init: (data) => data,
    prepare: async () => ({ ok: true, args: { view: await unitLevel(services, null, 0), askName: false } }),
    steps: [unitStep<MemberData>(services)],
    async complete(d, env) {
      if (d.stop) return [stopReply(d.stop)];
      if (d.requested) return [requestedReply(d.requested, (await services.members.byId(env.memberId))?.unitId != null)];
      return [{ kind: 'say', message: { key: 'menu-shown' }, menu: true }];
    },
  };
}

interface LanguageData {
  locale?: Locale;
}

/** /language and /profile → 🌐 Đổi ngôn ngữ: one choice; the answer is in the new language. */
export function createLanguageFlow(services: Services): FlowSpec<LanguageData> {
  return {
    id: 'language',
    version: 1,
    nameKey: 'language-flow-name',
    passCommands: MEMBER_SETUP_COMMANDS,
    init: () => ({}),
    steps: [
      {
        id: 'locale',
        accepts: 'choice',
        prompt: () => ({ key: 'language-choose' }),
        choices: () => SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: { key: `language-option-${locale}` } })),
        answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, locale: a.value as Locale } } : { ok: false, problem: { key: 'flow-problem-choice' } }),
      },
    ],
    async complete(d, env) {
      const member = await services.members.setLocale(env.memberId, d.locale!);
      return [{ kind: 'say', message: { key: 'language-set' }, menu: member.unitId !== null && member.fullName !== null }];
    },
  };
}
