/**
 * /link on Telegram through the fake Bot API: a member gets a six-digit code and the words to send
 * on Zalo; a fresh Telegram account that sends `/link <code>` made on Zalo confirms with the button
 * and from then on is the Zalo member — an officer there, so it gets the officer's command menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { member } from '../support/reminder-fixtures.js';

describe('/link on Telegram', () => {
  let h: Harness;
  let unitId: number;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres' });
    await seedUnits(h.app, [{ code: 'XA', name: 'Xã Đồng Khởi' }]);
    unitId = (await h.app.services.units.byCode('XA'))!.id;
  });
  afterAll(() => h?.close());

  it('shows a member a six-digit code and what to send on Zalo', async () => {
    const lan = h.fake.user({ firstName: 'Lan' });
    const row = await member(h.app.services.prisma, lan.id, 'Nguyễn Thị Lan', unitId);
    lan.send('/link');
    const shown = await lan.waitFor(/Mã liên kết của đồng chí: \d{6}/);
    const code = /(\d{6})/.exec(shown.text!)![1]!;
    expect(shown.text).toContain(`Trên Zalo, gửi: LINK ${code}`);
    expect(shown.text).toMatch(/hiệu lực đến \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    const stored = await h.app.services.prisma.linkCode.findUniqueOrThrow({ where: { memberId: row.id } });
    expect(stored).toMatchObject({ code, channel: 'TELEGRAM' });
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  });

  it('merges a fresh Telegram account into the Zalo member who asked for the code, after the confirm button', async () => {
    const s = h.app.services;
    let hung = await s.members.touch({ channel: 'ZALO', externalId: 'zalo-hung', firstName: 'Hùng' });
    await s.members.setUnit(hung.id, unitId);
    await s.members.setName(hung.id, 'Lê Văn Hùng');
    hung = await s.members.setRole(hung.id, 'OFFICER');
    const issued = await s.identityLinks.issue({ actor: { id: hung.id }, channel: 'ZALO', now: new Date() });
    if (!issued.ok) throw new Error('no code');

    const tg = h.fake.user({ firstName: 'Hùng' });
    tg.send(`/link ${issued.code}`);
    const confirm = await tg.waitFor(/Gộp tài khoản Telegram này với tài khoản Zalo của Lê Văn Hùng \(Xã Đồng Khởi\)\?/);
    expect(tg.buttons(confirm)).toEqual(['🔗 Gộp tài khoản', '✖ Hủy']);
    tg.press('🔗 Gộp tài khoản');
    await tg.waitFor(/Đã liên kết: Lê Văn Hùng dùng bot trên Telegram, Zalo như một người/);

    expect((await s.members.byIdentity('TELEGRAM', String(tg.id)))?.id).toBe(hung.id);
    expect(h.fake.commandsFor({ type: 'chat', chat_id: tg.id }).map((c) => c.command)).toContain('invite');
    expect(tg.replyKeyboard).toBeDefined();
    const audit = await s.audit.recent({ action: 'member.link' });
    expect(audit[0]).toMatchObject({ outcome: 'OK', actorId: hung.id, actorRef: `tg:${tg.id}` });
  });
});
