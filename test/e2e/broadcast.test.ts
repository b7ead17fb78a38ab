import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.js';
import type { SimulatedUser } from '../support/simulated-user.js';

/** Simulated members with Member rows (as if they had joined), the first one an officer. */
async function people(h: Harness, n: number, tag: string): Promise<{ officer: SimulatedUser; officerId: number; members: Array<{ id: number; user: SimulatedUser }> }> {
  const officer = h.fake.user({ firstName: `${tag}CanBo` });
  const o = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: officer.firstName, languageCode: 'vi' });
  await h.app.services.prisma.member.update({ where: { id: o.id }, data: { role: 'OFFICER' } });
  const members = [];
  for (let i = 0; i < n; i++) {
    const user = h.fake.user({ firstName: `${tag}${i}` });
    const m = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(user.id), firstName: user.firstName, languageCode: 'vi' });
    members.push({ id: m.id, user });
  }
  return { officer, officerId: o.id, members };
}

describe('broadcast progress for the launching officer (polling, PostgreSQL, Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
  });
  afterAll(() => h?.close());

  it('shows one progress message that ends at 20/20 with 1 unreachable when a member blocked the bot', async () => {
    const { officer, officerId, members } = await people(h, 20, 'A');
    const blocked = members[7]!;
    h.fake.blockBot(blocked.user.id);
    await h.app.services.broadcasts.start({
      kind: 'LAUNCH',
      createdById: officerId,
      progressChatId: String(officer.id),
      items: members.map((m) => ({
        chatId: String(m.user.id),
        memberId: m.id,
        dedupeKey: `e2e:launch:${m.id}`,
        message: {
          text: '📣 <b>Phát động phong trào thi đua</b> “Đồng khởi mới”',
          parseMode: 'HTML',
          buttons: [[{ text: 'Đăng ký', url: 'https://t.me/testbot?start=c_DKM' }]],
        },
      })),
    });
    const summary = await officer.waitFor(/Đã gửi xong: 20\/20/, { timeoutMs: 15_000 });
    expect(summary.text).toContain('Đã gửi: 19');
    expect(summary.text).toContain('1 không liên lạc được');
    expect(officer.messages).toHaveLength(1); // the progress message, edited into the summary
    expect(officer.buttons(summary)).toEqual([]);
    for (const m of members.filter((x) => x !== blocked)) {
      expect(m.user.messages.filter((x) => x.text?.includes('Phát động phong trào thi đua'))).toHaveLength(1);
      expect(m.user.buttons()).toEqual(['Đăng ký']);
    }
    expect((await h.app.services.members.identities(blocked.id))[0]?.reachable).toBe(false);
  });

  it('lets the officer stop a broadcast with the button; the summary says how many were cancelled', async () => {
    const { officer, officerId, members } = await people(h, 60, 'B');
    const { broadcastId } = await h.app.services.broadcasts.start({
      kind: 'ANNOUNCEMENT',
      createdById: officerId,
      progressChatId: String(officer.id),
      // Quiet-hours style: all but the first few are due later, so the stop lands mid-broadcast.
      items: members.map((m, i) => ({
        chatId: String(m.user.id),
        memberId: m.id,
        dedupeKey: `e2e:stop:${m.id}`,
        message: { text: 'Thông báo đính chính lịch họp' },
        ...(i >= 5 ? { notBefore: new Date(Date.now() + 60_000) } : {}),
      })),
    });
    await officer.waitFor(/Đang gửi thông báo/);
    // The five due now have arrived (on a loaded machine the press could otherwise beat them).
    await Promise.all(members.slice(0, 5).map((m) => m.user.waitFor(/Thông báo đính chính lịch họp/, { timeoutMs: 10_000 })));
    officer.press('⏹ Dừng gửi');
    const answer = await officer.waitForCallbackAnswer();
    expect(answer.text).toBe('Đã dừng gửi; 55 tin chưa gửi đã được hủy.');
    const summary = await officer.waitFor(/Đã dừng gửi: 5\/60/, { timeoutMs: 10_000 });
    expect(summary.text).toContain('Hủy, không gửi: 55');
    expect(officer.messages).toHaveLength(1);
    const p = await h.app.services.broadcasts.progress(broadcastId);
    expect(p).toMatchObject({ sent: 5, cancelled: 55, status: 'CANCELLED' });
  });

  it('refuses a member who forges the stop button, and audits it', async () => {
    const { officerId, members } = await people(h, 3, 'C');
    const { broadcastId } = await h.app.services.broadcasts.start({
      kind: 'ANNOUNCEMENT',
      createdById: officerId,
      items: members.map((m) => ({
        chatId: String(m.user.id),
        memberId: m.id,
        dedupeKey: `e2e:forge:${m.id}`,
        message: { text: 'Tin' },
        notBefore: new Date(Date.now() + 60_000),
      })),
    });
    const mallory = members[0]!.user;
    mallory.pressData(`1:bs:${broadcastId}`);
    const answer = await mallory.waitForCallbackAnswer();
    expect(answer.show_alert).toBe(true);
    expect((await h.app.services.broadcasts.progress(broadcastId)).pending).toBe(3);
    const refused = await h.app.services.prisma.auditLog.findFirst({ where: { action: 'broadcast.stop', outcome: 'REFUSED' } });
    expect(refused?.actorId).toBe(members[0]!.id);
  });
});
