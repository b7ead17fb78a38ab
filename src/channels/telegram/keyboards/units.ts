import { InlineKeyboard } from 'grammy';
import type { Unit } from '../../../generated/prisma/client.js';
import type { BotContext } from '../context.js';
import { encodeCallback } from '../callback-data.js';

export const UNIT_PAGE_SIZE = 8;

/**
 * The unit picker: walks the unit tree one level at a time. A unit with children opens them
 * (marked "›"); at any level the member can choose the unit whose children they are looking at.
 */
export async function unitPicker(ctx: BotContext, parentId: number | null, page: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { units } = ctx.deps.services;
  const parent = parentId ? await units.byId(parentId) : null;
  const all = await units.children(parent?.id ?? null);
  const pages = Math.max(1, Math.ceil(all.length / UNIT_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = all.slice(current * UNIT_PAGE_SIZE, (current + 1) * UNIT_PAGE_SIZE);
  const counts = await units.childCounts(shown.map((u) => u.id));
  const kb = new InlineKeyboard();
  if (parent) kb.text(ctx.t('unit-choose-this', { unit: parent.name }), encodeCallback('unit.pick', { unitId: parent.id })).row();
  for (const u of shown) {
    const hasChildren = (counts.get(u.id) ?? 0) > 0;
    kb.text(
      hasChildren ? `${u.name} ›` : u.name,
      hasChildren ? encodeCallback('unit.open', { unitId: u.id, page: 0 }) : encodeCallback('unit.pick', { unitId: u.id }),
    ).row();
  }
  if (pages > 1) {
    if (current > 0) kb.text(ctx.t('unit-prev'), encodeCallback('unit.open', { unitId: parent?.id ?? 0, page: current - 1 }));
    if (current < pages - 1) kb.text(ctx.t('unit-more'), encodeCallback('unit.open', { unitId: parent?.id ?? 0, page: current + 1 }));
    kb.row();
  }
  if (parent) kb.text(ctx.t('button-back'), encodeCallback('unit.open', { unitId: parent.parentId ?? 0, page: 0 }));
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  const text = all.length === 0 && !parent ? ctx.t('unit-picker-empty') : ctx.t('unit-picker-title', { parent: parent?.name ?? 'none' });
  return { text, keyboard: kb };
}

/** Search results as buttons that pick the unit directly. */
export function unitResults(ctx: BotContext, found: Unit[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const u of found) kb.text(u.name, encodeCallback('unit.pick', { unitId: u.id })).row();
  kb.text(ctx.t('button-back'), encodeCallback('unit.open', { unitId: 0, page: 0 }));
  kb.text(ctx.t('button-cancel'), encodeCallback('flow.cancel', {}));
  return kb;
}
