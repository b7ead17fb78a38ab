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
    expect(result).toMatchObject({ ok: true, units: [{ code: 'TINH', join: 'APPROVAL' }, { code: 'SO_GD', parent: 'TINH', group: 'KHOI_VX', join: 'OPEN' }] });
  });
});

describe('the README quick start', () => {
  it('names the Node version the Docker image runs, which package.json accepts', () => {
    const major = Number(/\*\*Node (\d+)\*\*/.exec(readme)?.[1]);
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const images = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((n) => n === major)).toBe(true);
    const engines = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).engines.node as string;
    expect(Number(/>=\s*(\d+)/.exec(engines)?.[1])).toBeLessThanOrEqual(major);
  });

  it('says to create the PostgreSQL database first and how much memory the embedded database needs', () => {
    const start = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Configuration'));
    expect(start).toMatch(/Create the database first/);
    expect(start).toMatch(/CREATE DATABASE thidua/);
    expect(start).toMatch(/about 600 MB resident/);
  });
});
