/**
 * The /export workbook writer (src/services/export-workbook.ts) read back with exceljs: what a reader
 * of the annex relies on whatever the data — Vietnam wall-clock dates, numbers as numbers, text that
 * looks like a formula kept as text, a legal sheet name, a frozen header with an autofilter.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { excelDate, writeWorkbook } from '../../src/services/export-workbook.js';
import { exportFileName } from '../../src/services/exports.js';

async function roundTrip(rows: Array<Array<string | number | Date | null>>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const counts = await writeWorkbook(
    [
      {
        name: 'Báo cáo: tháng 1/2027 [nháp] và một tên rất dài hơn ba mươi mốt ký tự',
        columns: [
          { header: 'Khi', kind: 'datetime' },
          { header: 'Giá trị', kind: 'number' },
          { header: 'Ghi chú', kind: 'longtext' },
        ],
        rows,
      },
    ],
    out,
  );
  await ended;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { wb, counts };
}

describe('export workbook', () => {
  it('shows instants as Vietnam wall-clock time (UTC+7), across midnight', () => {
    expect(excelDate(new Date('2026-12-06T17:30:00Z')).toISOString()).toBe('2026-12-07T00:30:00.000Z');
    expect(excelDate(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T06:59:59.000Z');
  });

  it('writes numbers as numbers, dates as dates, formula-like text as text, under a legal sheet name', async () => {
    const at = new Date('2027-01-15T03:04:00Z');
    const { wb, counts } = await roundTrip([
      [at, 1234.5, '=1+1'],
      [null, '17.25', null],
      [at, 'không rõ', 'Ghi chú'],
    ]);
    expect(counts).toEqual([3]);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Báo cáo  tháng 1 2027  nháp  và');
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(2).getCell(1).value).toEqual(new Date('2027-01-15T10:04:00Z'));
    expect(ws.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getRow(2).getCell(2).value).toBe(1234.5);
    expect(ws.getRow(2).getCell(3).value).toBe('=1+1');
    expect(ws.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String);
    // A decimal read as text becomes a number; a word in a number column stays a word.
    expect(ws.getRow(3).getCell(2).value).toBe(17.25);
    expect(ws.getRow(3).getCell(1).value).toBeNull();
    expect(ws.getRow(4).getCell(2).value).toBe('không rõ');
  });

  it('names the file after the campaign and the Vietnam date', () => {
    expect(exportFileName('chu-nhat-xanh', new Date('2026-12-06T17:30:00Z'))).toBe('chu-nhat-xanh-07-12-2026.xlsx');
  });
});
