/** Session key: one per private chat (per user in groups, so two people never share state). */
export function sessionKey(ctx: { chat?: { id: number; type: string } | undefined; from?: { id: number } | undefined }): string | undefined {
  if (!ctx.chat) return ctx.from ? `u${ctx.from.id}` : undefined;
  return ctx.chat.type === 'private' ? `c${ctx.chat.id}` : ctx.from ? `c${ctx.chat.id}:u${ctx.from.id}` : undefined;
}
