import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.js';

const ADMIN_ID = 9100001;

const UNITS_CSV = `code,name,parent,group
TINH,UBND tỉnh Hậu Giang,,
SO_GD,Sở Giáo dục và Đào tạo,TINH,KHOI_VX
THPT_A,"Trường THPT Vị Thanh, Hậu Giang",SO_GD,
MTTQ,Ủy ban MTTQ tỉnh,TINH,KHOI_MTTQ
`;

const BROKEN_CSV = `code,name,parent,group
TINH2,UBND tỉnh,,
bad code!,Sở Y tế,TINH2,
SO_YT,,TINH2,
TINH2,Trùng mã,,
`;

describe('admin: units file import, officer grant, scope (webhook mode, embedded database)', () => {
  let h: Harness;
  let admin: ReturnType<Harness['fake']['user']>;
  let thu: ReturnType<Harness['fake']['user']>;
  beforeAll(async () => {
    h = await startHarness({ mode: 'webhook', storage: 'embedded', adminIds: [ADMIN_ID] });
    admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    thu = h.fake.user({ firstName: 'Thu' });
  });
  afterAll(() => h?.close());

  it('refuses a malformed units file with line numbers and imports nothing', async () => {
    admin.send('/importunits');
    await admin.waitFor(/gửi tệp danh sách đơn vị/);
    admin.sendDocument({ fileName: 'units.csv', mimeType: 'text/csv', content: Buffer.from(BROKEN_CSV) });
    const reply = await admin.waitFor(/Tệp có 3 lỗi, chưa nhập đơn vị nào/);
    expect(reply.text).toContain('Dòng 3: mã “bad code!” không hợp lệ');
    expect(reply.text).toContain('Dòng 4: đơn vị “SO_YT” thiếu tên');
    expect(reply.text).toContain('Dòng 5: mã “TINH2” bị trùng (đã có ở dòng 2)');
    expect(await h.app.db.prisma.unit.count()).toBe(0);
  });

  it('reports every problem of a units file at once, parents and groups included, and reads an .xlsx', async () => {
    // Still waiting for a file after the failed attempt. Row problems, an unknown parent and an
    // unknown group all in one answer (before, the parent showed only on a second upload).
    admin.sendDocument({
      fileName: 'units.csv',
      mimeType: 'text/csv',
      content: Buffer.from('code,name,parent,group\nA1,,,\nA2,Đơn vị A2,KHONG_CO,\nA3,Đơn vị A3,,KHOI_LA\n'),
    });
    const all = await admin.waitFor(/Tệp có 3 lỗi/);
    expect(all.text).toContain('Dòng 2: đơn vị “A1” thiếu tên');
    expect(all.text).toContain('Dòng 3: không có đơn vị cấp trên mang mã “KHONG_CO”');
    expect(all.text).toContain('Dòng 4: chưa có khối/cụm thi đua mã “KHOI_LA”: tạo trước bằng /addgroup KHOI_LA');
    expect(await h.app.db.prisma.emulationGroup.count()).toBe(0);

    // An old .xls gets how to save it; an .xlsx with the same columns is read, row n as line n.
    admin.sendDocument({ fileName: 'units.xls', mimeType: 'application/vnd.ms-excel', content: Buffer.from('xx') });
    await admin.waitFor(/tệp Excel cũ \(.xls\)[\s\S]*Sổ làm việc Excel \(.xlsx\)/);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Đơn vị');
    sheet.addRows([['code', 'name', 'parent', 'group'], ['X1', 'Đơn vị X1', '', ''], ['X2', '', 'X1', '']]);
    admin.sendDocument({ fileName: 'don-vi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: Buffer.from(await book.xlsx.writeBuffer()) });
    await admin.waitFor(/Dòng 3: đơn vị “X2” thiếu tên/);
  });

  it('imports a CSV units file (quoted names with commas, groups declared first) in one go', async () => {
    await h.app.services.units.importUnits([], [
      { code: 'KHOI_VX', name: 'Khối Văn hóa - Xã hội', kind: 'BLOCK', line: 1 },
      { code: 'KHOI_MTTQ', name: 'Khối Mặt trận', kind: 'BLOCK', line: 2 },
    ]);
    admin.sendDocument({ fileName: 'units.csv', mimeType: 'text/csv', content: Buffer.from(UNITS_CSV) });
    await admin.waitFor(/Đã nhập xong: 4 đơn vị mới, 0 đơn vị cập nhật, 0 khối\/cụm mới/);
    const school = await h.app.services.units.byCode('THPT_A');
    expect(school?.name).toBe('Trường THPT Vị Thanh, Hậu Giang');
    expect(await h.app.services.units.inSubtree((await h.app.services.units.byCode('TINH'))!.id, school!.id)).toBe(true);
    admin.send('/units');
    const tree = await admin.waitFor(/Sơ đồ đơn vị/);
    expect(tree.text).toMatch(/UBND tỉnh Hậu Giang TINH[\s\S]*Sở Giáo dục và Đào tạo SO_GD · KHOI_VX[\s\S]*Trường THPT Vị Thanh/);
  });

  it('refuses a file that is not CSV or YAML, and one over 1 MB', async () => {
    admin.send('/importunits');
    await admin.waitFor(/gửi tệp/);
    admin.sendDocument({ fileName: 'units.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF') });
    await admin.waitFor(/không phải CSV, YAML hoặc Excel .xlsx/);
    admin.sendDocument({ fileName: 'big.csv', mimeType: 'text/csv', fileSize: 2 * 1024 * 1024 });
    await admin.waitFor(/Tệp quá lớn \(2.0 MB\)/);
    admin.send('/cancel');
    await admin.waitFor(/Đã hủy/);
  });

  it('grants the officer role to a member found by a name search without diacritics, and audits it', async () => {
    const school = await h.app.services.units.byCode('SO_GD');
    thu.start(`u_${school!.inviteCode}`);
    await thu.waitFor(/họ và tên/);
    thu.send('Võ Thị Thu');
    await thu.waitFor(/Cảm ơn đồng chí Võ Thị Thu/);

    admin.send('/grant vo thi thu');
    await admin.waitFor(/Chọn người cần cấp quyền/);
    admin.press('Võ Thị Thu · Sở Giáo dục và Đào tạo');
    await admin.waitFor(/Cấp quyền cán bộ phụ trách thi đua cho Võ Thị Thu/);
    admin.press('✔ Xác nhận');
    await admin.waitFor(/Đã cấp quyền cán bộ phụ trách thi đua cho Võ Thị Thu/);

    const member = await h.app.services.members.byIdentity('TELEGRAM', String(thu.id));
    expect(member?.role).toBe('OFFICER');
    const grants = await h.app.services.audit.recent({ action: 'role.grant' });
    expect(grants[0]).toMatchObject({ outcome: 'OK', actorRef: `tg:${ADMIN_ID}`, target: `member:${member!.id}` });
    // The officer's command menu (scoped to their chat) now lists officer commands.
    const menu = h.fake.commandsFor({ type: 'chat', chat_id: thu.id });
    expect(menu.map((c) => c.command)).toContain('invite');
    // Thu is told, with what an officer can now do.
    const notice = await thu.waitFor(/đã cấp cho đồng chí quyền cán bộ phụ trách thi đua của đơn vị “Sở Giáo dục và Đào tạo”/);
    expect(notice.text).toMatch(/duyệt đăng ký thi đua \(\/registrations\)/);
  });

  it('lets an officer make invite links inside their subtree only', async () => {
    thu.send('/invite THPT_A');
    await thu.waitFor(/Đường dẫn mời vào Trường THPT Vị Thanh, Hậu Giang:\nhttps:\/\/t\.me\/thidua_test_bot\?start=u_/);
    thu.send('/invite MTTQ');
    await thu.waitFor(/nằm ngoài phạm vi phụ trách/);
    // The unit found by its code in any case, or by words of its name without diacritics.
    thu.send('/invite thpt_a');
    await thu.waitFor(/Đường dẫn mời vào Trường THPT Vị Thanh, Hậu Giang:/);
    thu.send('/invite vi thanh');
    await thu.waitFor(/Đường dẫn mời vào Trường THPT Vị Thanh, Hậu Giang:/);
    // Several units match: a picker (an admin sees every unit; an officer only their subtree).
    admin.send('/invite hau giang');
    await admin.waitFor(/Có nhiều đơn vị khớp với “hau giang”/);
    expect(admin.buttons()).toEqual(['Trường THPT Vị Thanh, Hậu Giang · THPT_A', 'UBND tỉnh Hậu Giang · TINH']);
    admin.press('UBND tỉnh Hậu Giang · TINH');
    await admin.waitFor(/Đường dẫn mời vào UBND tỉnh Hậu Giang:/);
    thu.send('/invite hau giang');
    await thu.waitFor(/Đường dẫn mời vào Trường THPT Vị Thanh, Hậu Giang:/);
    thu.send('/grant ai do');
    await thu.waitFor(/không có quyền/);
    const refusals = await h.app.services.audit.recent();
    expect(refusals.filter((r) => r.outcome === 'REFUSED').map((r) => r.action)).toEqual(expect.arrayContaining(['unit.invite', 'role.grant']));
  });

  it('answers health and metrics over HTTP and rejects a webhook call without the secret', async () => {
    const base = `http://127.0.0.1:${h.app.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', checks: { database: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${h.app.metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/thidua_updates_total\{type="message"\} \d+/);
    const forged = await fetch(`${base}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'wrong' },
      body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/start' } }),
    });
    expect(forged.status).toBe(401);
  });
});
