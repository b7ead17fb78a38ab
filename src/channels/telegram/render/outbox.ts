/**
 * An outbox message as Telegram shows it: the text as HTML (src/messages/templates.ts renders it
 * in the recipient's language, escaping every user value) and the actions as an inline keyboard —
 * a campaign's registration as the deep link `t.me/<bot>?start=c_<code>`, officers' decisions and
 * the rest as our versioned callback data. Rows queued before messages became data are shown as
 * they were stored. No grammY runtime imports: the dispatcher's sender and the officer's preview
 * both use it.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { renderMessage, type RenderedAction, type T } from '../../../messages/templates.js';
import { isLegacyMessage, type StoredMessage } from '../../../messages/types.js';
import { encodeCallback } from '../callback-data.js';
import { registerLink } from './campaign.js';

/** A message ready for `sendMessage`: HTML text and an inline keyboard (if any). */
export interface TelegramMessage {
  text: string;
  parseMode?: 'HTML' | undefined;
  markup?: InlineKeyboardMarkup | undefined;
}

/** The inline button of one action. */
export function actionButton(a: RenderedAction, botUsername: string): InlineKeyboardButton {
  const { action, text } = a;
  switch (action.kind) {
    case 'register':
      return { text, url: registerLink(botUsername, action.campaignCode) };
    case 'url':
      return { text, url: action.url };
    case 'report':
      return { text, callback_data: encodeCallback('rem.report', { milestoneId: action.milestoneId }) };
    case 'review':
      return { text, callback_data: encodeCallback('rev.open', { milestoneId: action.milestoneId }) };
    case 'nudge':
      return { text, callback_data: encodeCallback('rem.nudge', { milestoneId: action.milestoneId }) };
    case 'approve':
      return { text, callback_data: encodeCallback('reg.approve', { registrationId: action.registrationId }) };
    case 'return':
      return { text, callback_data: encodeCallback('reg.return', { registrationId: action.registrationId }) };
    case 'approve-join':
      return { text, callback_data: encodeCallback('join.approve', { requestId: action.requestId }) };
    case 'decline-join':
      return { text, callback_data: encodeCallback('join.decline', { requestId: action.requestId }) };
    case 'stop-broadcast':
      return { text, callback_data: encodeCallback('broadcast.stop', { broadcastId: action.broadcastId }) };
  }
}

/**
 * Renders a stored outbox message for Telegram with `t` bound to the recipient's locale. Needs the
 * bot's username only when a deep link is among the actions (it is asked for lazily).
 */
export function renderForTelegram(t: T, message: StoredMessage, botUsername: () => string): TelegramMessage {
  if (isLegacyMessage(message)) {
    const rows = (message.buttons ?? []).map((row) =>
      row.map((b): InlineKeyboardButton => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.callbackData })),
    );
    return { text: message.text, parseMode: message.parseMode, markup: rows.length > 0 ? { inline_keyboard: rows } : undefined };
  }
  const rendered = renderMessage(t, message);
  const rows = rendered.actions.filter((row) => row.length > 0);
  const needsName = rows.some((row) => row.some((a) => a.action.kind === 'register'));
  const name = needsName ? botUsername() : '';
  return {
    text: rendered.html,
    parseMode: 'HTML',
    markup: rows.length > 0 ? { inline_keyboard: rows.map((row) => row.map((a) => actionButton(a, name))) } : undefined,
  };
}
