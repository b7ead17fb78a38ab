import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';
import { parseUnitsFile } from '../../src/domain/units-file.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first ```yaml block after a heading of the README. */
function yamlAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`no yaml block after ${heading}`);
  return match[1]!;
}

describe('the README examples', () => {
  it('documents a campaign file that the bot accepts as it is', () => {
    const result = parseCampaignFile(yamlAfter('### Campaign file'), 'yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.campaign.milestones.filter((m) => m.kind === 'PROGRESS_REPORT')).toHaveLength(19);
  });

  it('documents a units file that the bot accepts as it is', () => {
    const result = parseUnitsFile(yamlAfter('### Units file'), 'yaml');
    expect(result).toMatchObject({ ok: true, units: [{ code: 'TINH' }, { code: 'SO_GD', parent: 'TINH', group: 'KHOI_VX' }] });
  });
});
