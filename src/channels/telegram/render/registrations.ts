/**
 * How registrations read in an officer's chat (/registrations): the approve and return buttons of
 * a registration, the very buttons of the hourly digest (src/messages/compose.ts digestMessages,
 * rendered by render/outbox.ts), and a title's name in the reader's language.
 */
import type { InlineKeyboardButton } from 'grammy/types';
import { titleText, type T } from '../../../messages/templates.js';
import type { OutboxAction } from '../../../messages/types.js';
import { actionButton } from './outbox.js';

export { titleText };

/** The approve / return row of one registration. */
export function decisionRow(t: T, id: number, which: { approve: boolean; return: boolean } = { approve: true, return: true }): InlineKeyboardButton[] {
  const actions: OutboxAction[] = [];
  if (which.approve) actions.push({ kind: 'approve', registrationId: id, label: { key: 'reg-approve-button', vars: { id } } });
  if (which.return) actions.push({ kind: 'return', registrationId: id, label: { key: 'reg-return-button', vars: { id } } });
  return actions.map((action) => actionButton({ text: t(action.label.key, action.label.vars), action }, ''));
}
