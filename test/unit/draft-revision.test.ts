/**
 * A stored draft written back as its campaign file (src/domain/draft-revision.ts) must mean the same
 * campaign, or an edit from chat would silently change what it did not touch; and the campaign code
 * the wizard derives from a title is cut between words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaignFile, type CampaignDraft } from '../../src/domain/campaign-file.js';
import { draftAsFile, reviseFile, type StoredDraft } from '../../src/domain/draft-revision.js';
import { codeFromTitle, customCode } from '../../src/flows/campaign-fields.js';

const dir = new URL('../../examples/', import.meta.url);

/** A parsed draft shaped as the database returns it. */
function stored(d: CampaignDraft): StoredDraft {
  const ids = new Map(d.criteria.map((c, i) => [c.code, i + 1]));
  return {
    ...d,
    criteria: d.criteria.map((c) => ({ id: ids.get(c.code)!, parentId: c.parentCode ? ids.get(c.parentCode)! : null, code: c.code, title: c.title, measure: c.measure, unitOfMeasure: c.unit, target: c.target })),
    titles: d.titles,
    milestones: d.milestones,
    audienceUnits: d.audience.units.map((code) => ({ unit: { code } })),
    audienceGroups: d.audience.groups.map((code) => ({ group: { code } })),
  };
}

const meaning = (d: CampaignDraft) => ({
  ...d,
  milestones: d.milestones.map((m) => [m.kind, m.title, m.dueAt.toISOString(), m.remindOffsets, m.series === null]),
});

describe('a draft written back as its file', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(`means the same campaign for ${name}, repeated series included`, () => {
      const first = parseCampaignFile(readFileSync(new URL(name, dir), 'utf8'), 'yaml');
      if (!first.ok) throw new Error(JSON.stringify(first.errors));
      const again = parseCampaignFile(JSON.stringify(draftAsFile(stored(first.campaign))), 'json');
      if (!again.ok) throw new Error(JSON.stringify(again.errors));
      expect(meaning(again.campaign)).toEqual(meaning(first.campaign));
    });
  }

  it('changes one milestone of a series as a whole and leaves the others', () => {
    const first = parseCampaignFile(readFileSync(new URL('dong-khoi-moi-2020-2025.yaml', dir), 'utf8'), 'yaml');
    if (!first.ok) throw new Error('example invalid');
    const file = draftAsFile(stored(first.campaign));
    const quarterly = file.milestones.findIndex((m) => m.repeat === 'quarterly');
    const r = reviseFile(file, { field: 'milestone', index: quarterly, change: { repeat: 'yearly', remind: ['1d'] } });
    if (!r.ok) throw new Error(r.reason);
    const after = parseCampaignFile(JSON.stringify(r.file), 'json');
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    const reports = after.campaign.milestones.filter((m) => m.kind === 'PROGRESS_REPORT');
    expect(reports.map((m) => m.dueAt.toISOString().slice(0, 10))).toEqual(['2021-03-31', '2022-03-31', '2023-03-31', '2024-03-31', '2025-03-31']);
    expect(reports.every((m) => m.remindOffsets.join() === '1440')).toBe(true);
    const others = (d: CampaignDraft) => meaning(d).milestones.filter((m) => m[0] !== 'PROGRESS_REPORT');
    expect(others(after.campaign)).toEqual(others(first.campaign));
  });

  it('refuses to remove the last content line, and a line that is not there', () => {
    const first = parseCampaignFile(readFileSync(new URL('khoi-mttq-doan-the-2020.yaml', dir), 'utf8'), 'yaml');
    if (!first.ok) throw new Error('example invalid');
    const file = draftAsFile(stored(first.campaign));
    expect(reviseFile(file, { field: 'criterion', index: 99, change: { title: 'x' } })).toEqual({ ok: false, reason: 'item_not_found' });
    expect(reviseFile({ ...file, criteria: file.criteria.slice(0, 1) }, { field: 'criterion-remove', index: 0 })).toEqual({ ok: false, reason: 'last_criterion' });
  });
});

describe('the campaign code derived from a title', () => {
  it.each([
    ['Đợt thi đua đặc biệt lập thành tích chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2025-2030', 'dot-thi-dua-dac-biet-lap-thanh'],
    ['Phong trào thi đua "Đồng khởi mới" giai đoạn 2020 - 2025', 'phong-trao-thi-dua-dong-khoi-moi'],
    ['Thi đua mùa xuân 2027', 'thi-dua-mua-xuan-2027'],
    ['Ôn', 'phong-trao'],
  ])('«%s» → %s, whole words only', (title, code) => {
    expect(codeFromTitle(title)).toBe(code);
    expect(code.length).toBeLessThanOrEqual(34);
  });

  it('gives a custom honour a code of its own', () => {
    expect(customCode('Công dân Đồng Khởi', [])).toBe('CONG_DAN_DONG_KHOI');
    expect(customCode('Công dân Đồng Khởi', ['CONG_DAN_DONG_KHOI'])).toBe('CONG_DAN_DONG_KHOI_2');
  });
});
