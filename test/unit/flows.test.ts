import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advanceFlow,
  matchChoice,
  problem,
  startFlow,
  type Flow,
  type FlowContext,
  type FlowInput,
  type FlowOutcome,
  type Message,
} from '../../src/flows/model.js';

/** A registration-like flow: campaign → title (skipped when there is one) → target → date → photo. */
interface Data {
  campaigns: string[];
  campaign?: string;
  title?: string;
  target?: string;
  until?: string;
  photo?: string;
}
const label = (text: string): Message => ({ key: 'test-label', vars: { text } });
const flow: Flow<Data, string[]> = {
  id: 'sample',
  version: 2,
  init: (campaigns) => ({ campaigns }),
  steps: [
    {
      id: 'campaign',
      accepts: 'choice',
      prompt: () => ({ key: 'ask-campaign' }),
      choices: (d) => d.campaigns.map((c) => ({ value: c, label: label(c) })),
      answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, campaign: a.value } } : problem('x')),
    },
    {
      id: 'title',
      accepts: 'choice',
      skip: (d) => d.campaign === 'Chỉ một danh hiệu',
      prompt: () => ({ key: 'ask-title' }),
      choices: () => [
        { value: 'LDTT', label: label('🏅 Lao động tiên tiến') },
        { value: 'CSTDCS', label: label('⭐ Chiến sĩ thi đua cơ sở'), aliases: ['cstd'] },
      ],
      answer: (d, a) => (a.kind === 'choice' ? { ok: true, data: { ...d, title: a.value } } : problem('x')),
    },
    {
      id: 'target',
      accepts: 'number',
      prompt: () => ({ key: 'ask-target' }),
      answer: (d, a) =>
        a.kind === 'number' && Number(a.value) <= 10000 ? { ok: true, data: { ...d, target: a.value } } : problem('ask-target-too-big', { max: 10000 }),
    },
    {
      id: 'until',
      accepts: 'date',
      prompt: () => ({ key: 'ask-until' }),
      answer: (d, a) => (a.kind === 'date' ? { ok: true, data: { ...d, until: a.date.toISOString() } } : problem('x')),
    },
    {
      id: 'photo',
      accepts: 'file',
      prompt: () => ({ key: 'ask-photo' }),
      answer: (d, a) => (a.kind === 'file' ? { ok: true, data: { ...d, photo: a.file.fileId } } : problem('x')),
    },
  ],
};

const ctx: FlowContext = { now: new Date('2026-11-30T03:00:00Z'), label: (m) => String(m.vars?.text ?? m.key) };
const text = (t: string): FlowInput => ({ kind: 'text', text: t });
const CAMPAIGNS = ['Dân vận khéo', 'Chỉ một danh hiệu'];

function asked(o: FlowOutcome<unknown>): { step: string; problem?: string } {
  if (o.type !== 'ask') throw new Error(`expected a question, got ${o.type}`);
  return { step: o.state.step, ...(o.problem ? { problem: o.problem.key } : {}) };
}

/** Feeds inputs one by one from the start, returning every outcome (the state is carried as a store would). */
async function run(inputs: FlowInput[], campaigns = CAMPAIGNS): Promise<FlowOutcome<Data>[]> {
  let outcome = startFlow(flow, campaigns, ctx);
  const outcomes = [outcome];
  for (const input of inputs) {
    if (outcome.type !== 'ask') throw new Error('flow ended early');
    const next = await advanceFlow(flow, outcome.state, input, ctx);
    outcomes.push(next);
    outcome = next.type === 'ask' ? next : outcome.type === 'ask' && next.type !== 'done' ? outcome : next;
  }
  return outcomes;
}

describe('the flow model', () => {
  it('walks every step with typed answers: a number in the list, words without diacritics, a Vietnamese number, a date', async () => {
    const outcomes = (await run([text('1'), text('lao dong tien tien'), text('1.234'), text('30/6/2027'), { kind: 'file', file: { channel: 'zalo', fileId: 'f1', kind: 'photo' } }]));
    const done = outcomes.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.state.data).toMatchObject({ campaign: 'Dân vận khéo', title: 'LDTT', target: '1234', until: '2027-06-29T17:00:00.000Z', photo: 'f1' });
    expect(done.state.history).toEqual(['campaign', 'title', 'target', 'until', 'photo']);
  });

  it('takes a tapped choice, an alias, and ignores the emoji of a label', async () => {
    const [, afterCampaign] = (await run([{ kind: 'choice', value: 'Dân vận khéo' }]));
    expect(asked(afterCampaign!).step).toBe('title');
    const [, , byAlias] = (await run([text('1'), text('CSTD')]));
    expect(byAlias!.type === 'ask' && byAlias!.state.data.title).toBe('CSTDCS');
    const [, , byLabel] = (await run([text('1'), text('Chiến sĩ thi đua cơ sở')]));
    expect(byLabel!.type === 'ask' && byLabel!.state.data.title).toBe('CSTDCS');
  });

  it('takes a button by its index in the question it was shown with, and refuses one from an earlier question', async () => {
    const start = startFlow(flow, CAMPAIGNS, ctx);
    if (start.type !== 'ask') throw new Error('no question');
    const picked = await advanceFlow(flow, start.state, { kind: 'pick', index: 1, rev: start.state.rev }, ctx);
    expect(picked.type === 'ask' && picked.state.data.campaign).toBe('Chỉ một danh hiệu');
    if (picked.type !== 'ask') return;
    const back = await advanceFlow(flow, picked.state, { kind: 'back' }, ctx);
    if (back.type !== 'ask') throw new Error('no question');
    // The first question's button, tapped again after going back, belongs to an older revision.
    expect(asked(await advanceFlow(flow, back.state, { kind: 'pick', index: 0, rev: start.state.rev }, ctx))).toEqual({
      step: 'campaign',
      problem: 'flow-problem-stale-choice',
    });
    expect(asked(await advanceFlow(flow, back.state, { kind: 'pick', index: 5, rev: back.state.rev }, ctx)).problem).toBe('flow-problem-stale-choice');
  });

  it('skips a step that does not apply, also when going back', async () => {
    const outcomes = (await run([text('2'), text('5'), text('quay lại')]));
    expect(outcomes.map((o) => (o.type === 'ask' ? o.state.step : o.type))).toEqual(['campaign', 'target', 'until', 'target']);
  });

  it('re-asks only the date when the member types 31/02/2027, keeping the earlier answers', async () => {
    const outcomes = (await run([text('1'), text('1'), text('12'), text('31/02/2027')]));
    const last = outcomes.at(-1)!;
    expect(asked(last)).toEqual({ step: 'until', problem: 'flow-problem-date-invalid' });
    expect(last.type === 'ask' && last.state.data).toMatchObject({ campaign: 'Dân vận khéo', title: 'LDTT', target: '12' });
    // A refused answer does not change the stored state, so nothing needs writing.
    const before = outcomes.at(-2)!;
    expect(before.type === 'ask' && last.type === 'ask' && last.state.rev === before.state.rev).toBe(true);
  });

  it("shows the step's own problem with its variables when the value is refused", async () => {
    const last = (await run([text('1'), text('1'), text('50000')])).at(-1)!;
    expect(last.type === 'ask' && last.problem).toEqual({ key: 'ask-target-too-big', vars: { max: 10000 } });
  });

  it('never guesses a figure that reads two ways or is in exponent form: it re-asks and keeps nothing', async () => {
    for (const [typed, problem] of [['500,000', 'flow-problem-number-ambiguous'], ['1e9', 'flow-problem-number-exponent']]) {
      const last = (await run([text('1'), text('1'), text(typed!)])).at(-1)!;
      expect(asked(last)).toEqual({ step: 'target', problem });
      expect(last.type === 'ask' && last.state.data.target).toBeUndefined();
    }
  });

  it('reads 0 as Back on a choice step but as a value on a number step', async () => {
    const onChoice = (await run([text('1'), text('0')])).at(-1)!;
    expect(asked(onChoice).step).toBe('campaign');
    const onNumber = (await run([text('1'), text('1'), text('0')])).at(-1)!;
    expect(asked(onNumber).step).toBe('until');
    expect(onNumber.type === 'ask' && onNumber.state.data.target).toBe('0');
  });

  it('keeps answers when going back and forward again', async () => {
    const last = (await run([text('1'), text('2'), text('7'), { kind: 'back' }, { kind: 'back' }, text('1')])).at(-1)!;
    expect(asked(last).step).toBe('target');
    expect(last.type === 'ask' && last.state.data).toMatchObject({ title: 'LDTT', target: '7' });
  });

  it('cancels on "hủy", "Huy", "/cancel" or the Cancel button, at any step', async () => {
    for (const input of [text('hủy'), text('Huy'), text('/cancel'), text('✖ Hủy'), { kind: 'cancel' } as FlowInput]) {
      expect((await run([text('1'), input])).at(-1)!.type).toBe('cancelled');
    }
  });

  it('refuses a number out of the list, a stale button, a file where text is expected, and text where a file is', async () => {
    expect(asked((await run([text('3')])).at(-1)!)).toEqual({ step: 'campaign', problem: 'flow-problem-choice' });
    expect(asked((await run([{ kind: 'choice', value: 'Năm ngoái' }])).at(-1)!)).toEqual({ step: 'campaign', problem: 'flow-problem-stale-choice' });
    expect(asked((await run([text('1'), text('1'), { kind: 'file', file: { channel: 'telegram', fileId: 'x', kind: 'photo' } }])).at(-1)!).problem).toBe(
      'flow-problem-no-file',
    );
    expect(asked((await run([text('1'), text('1'), text('3'), text('1/1/2027'), text('ảnh đây')])).at(-1)!).problem).toBe('flow-problem-file');
    expect(asked((await run([text('quay lại')])).at(-1)!).problem).toBe('flow-problem-first-step');
  });

  it('refuses a state of another version instead of misreading it', async () => {
    const start = startFlow(flow, CAMPAIGNS, ctx);
    if (start.type !== 'ask') throw new Error('no question');
    expect((await advanceFlow(flow, { ...start.state, version: 1 }, text('1'), ctx)).type).toBe('outdated');
  });

  it('has every problem it can show in both locales', async () => {
    const keys = new Set<string>();
    const inputs: FlowInput[][] = [
      [text('9')],
      [{ kind: 'choice', value: 'old' }],
      [{ kind: 'back' }],
      [{ kind: 'file', file: { channel: 'telegram', fileId: 'x', kind: 'photo' } }],
      [text('1'), text('1'), text('abc')],
      [text('1'), text('1'), text('-5')],
      [text('1'), text('1'), text('123456789012345678')],
      [text('1'), text('1'), text('1'), text('31/02/2027')],
      [text('1'), text('1'), text('1'), text('sau tết')],
      [text('1'), text('1'), text('1'), text('1/1/2027'), text('x')],
    ];
    for (const seq of inputs) {
      const o = (await run(seq)).at(-1)!;
      if (o.type === 'ask' && o.problem) keys.add(o.problem.key);
    }
    expect(keys.size).toBe(10);
    for (const locale of ['vi', 'en']) {
      const ftl = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8');
      for (const key of [...keys, 'flow-problem-text']) expect(ftl, `${locale} lacks ${key}`).toMatch(new RegExp(`^${key} =`, 'm'));
    }
  });
});

/** A tree picker then a name: browsing inside one question, Back inside it, suggested answers, notices. */
interface TreeData {
  level: string | null;
  query?: string;
  picked?: string;
  name?: string;
}
const TREE: Record<string, string[]> = { root: ['Tỉnh', 'Sở'], Tỉnh: ['Huyện', 'Xã'] };
const treeChoices = (d: TreeData) => (d.query ? ['Xã'] : (TREE[d.level ?? 'root'] ?? [])).map((u) => ({ value: TREE[u] ? `open:${u}` : `pick:${u}`, label: label(u) }));
const tree: Flow<TreeData, void> = {
  id: 'tree',
  version: 1,
  init: () => ({ level: null }),
  steps: [
    {
      id: 'unit',
      accepts: 'text',
      prompt: (d) => ({ key: d.query ? 'found' : 'level', vars: { level: d.level ?? 'root' } }),
      choices: (d) => treeChoices(d),
      canGoBack: (d) => d.level !== null || d.query !== undefined,
      back: () => ({ level: null }),
      answer: (d, given, c) => {
        // A text step reads typed words naming one of its choices itself (matchChoice); other words search.
        const named = given.kind === 'text' ? matchChoice(given.text, treeChoices(d), c) : undefined;
        const a = named ? { kind: 'choice' as const, value: named.value } : given;
        if (a.kind === 'text') return { ok: true, data: { ...d, query: a.text }, next: 'unit' };
        if (a.kind !== 'choice') return problem('x');
        const [what, unit] = a.value.split(':');
        if (what === 'open') return { ok: true, data: { level: unit! }, next: 'unit' };
        return { ok: true, data: { ...d, picked: unit! }, notice: { key: 'joined', vars: { unit: unit! } } };
      },
    },
    {
      id: 'name',
      accepts: 'text',
      hint: () => ({ key: 'name-need-text' }),
      prompt: () => ({ key: 'ask-name' }),
      choices: () => [{ value: 'suggested', label: label('Dùng tên «Lan»') }],
      answer: (d, a) => ({ ok: true, data: { ...d, name: a.kind === 'choice' ? 'Lan' : a.kind === 'text' ? a.text : '' } }),
    },
  ],
};

describe('browsing inside one question (the unit picker)', () => {
  it('asks the same step again for a level or a search, and Back goes up inside it before leaving it', async () => {
    const start = startFlow(tree, undefined, ctx);
    expect(start.type === 'ask' && start.back).toBe(false);
    let o = await advanceFlow(tree, (start as Extract<FlowOutcome<TreeData>, { type: 'ask' }>).state, text('1'), ctx);
    expect(asked(o)).toEqual({ step: 'unit' });
    if (o.type !== 'ask') throw new Error('ask');
    // The step asked again is no earlier step: Back stays inside it, and leads nowhere at the top.
    expect(o.state.history.every((id) => id === 'unit')).toBe(true);
    expect(o.back).toBe(true);
    expect(o.choices.map((c) => c.value)).toEqual(['pick:Huyện', 'pick:Xã']);
    o = await advanceFlow(tree, o.state, text('quay lại'), ctx);
    if (o.type !== 'ask') throw new Error('ask');
    expect(o.state.data.level).toBeNull();
    expect(o.back).toBe(false);
    // Free text that names no choice is the step's answer (a search), not a refused choice.
    o = await advanceFlow(tree, o.state, text('xa'), ctx);
    if (o.type !== 'ask') throw new Error('ask');
    expect(o.prompt.key).toBe('found');
    expect(o.choices.map((c) => c.value)).toEqual(['pick:Xã']);
  });

  it('says a notice before the next question and hints on a sticker', async () => {
    const start = startFlow(tree, undefined, ctx) as Extract<FlowOutcome<TreeData>, { type: 'ask' }>;
    const o = await advanceFlow(tree, start.state, text('Sở'), ctx);
    if (o.type !== 'ask') throw new Error('ask');
    expect(o.state.step).toBe('name');
    expect(o.notice).toEqual({ key: 'joined', vars: { unit: 'Sở' } });
    expect(o.back).toBe(true);
    const sticker = await advanceFlow(tree, o.state, { kind: 'other' }, ctx);
    expect(asked(sticker)).toEqual({ step: 'name', problem: 'name-need-text' });
    const done = await advanceFlow(tree, o.state, { kind: 'choice', value: 'suggested' }, ctx);
    expect(done.type === 'done' && done.state.data.name).toBe('Lan');
    const typed = await advanceFlow(tree, o.state, text('Trần Thị Lan'), ctx);
    expect(typed.type === 'done' && typed.state.data.name).toBe('Trần Thị Lan');
  });
});

describe('a question on a channel without buttons', () => {
  it('lists the choices as numbered lines, without HTML, with the Back and Cancel words', async () => {
    const { questionAsText } = await import('../../src/flows/render.js');
    const start = startFlow(flow, ['<b>Dân vận khéo</b> & "Xanh"', 'Chỉ một danh hiệu'], ctx);
    if (start.type !== 'ask') throw new Error('no question');
    const refused = await advanceFlow(flow, start.state, text('7'), ctx);
    if (refused.type !== 'ask') throw new Error('no question');
    const vi: Record<string, string> = {
      'ask-campaign': 'Chọn <b>phong trào</b>:',
      'flow-problem-choice': 'Đồng chí chọn số 1–2.',
      'flow-text-hint-choice': '0 — quay lại · «hủy» — dừng.',
    };
    const render = (m: Message) => vi[m.key] ?? String(m.vars?.text ?? m.key).replace(/&/g, '&amp;');
    expect(questionAsText(refused, render)).toBe(
      ['Đồng chí chọn số 1–2.', 'Chọn phong trào:', '1. Dân vận khéo & "Xanh"\n2. Chỉ một danh hiệu', '0 — quay lại · «hủy» — dừng.'].join('\n\n'),
    );
  });
});

describe('a step that collects several files (the report’s evidence)', () => {
  /** note (text) → files, one at a time, until "xong" → done. */
  interface Files {
    note?: string;
    files: string[];
    finished?: boolean;
  }
  const collect: Flow<Files> = {
    id: 'files',
    version: 1,
    init: () => ({ files: [] }),
    steps: [
      { id: 'note', accepts: 'text', prompt: () => ({ key: 'ask-note' }), answer: (d, a) => (a.kind === 'text' ? { ok: true, data: { ...d, note: a.text } } : problem('x')) },
      {
        id: 'files',
        accepts: 'file',
        prompt: (d) => ({ key: 'ask-files', vars: { count: d.files.length } }),
        choices: () => [{ value: 'done', label: label('✔ Xong'), aliases: ['done'] }],
        answer: (d, a) =>
          a.kind === 'file' ? { ok: true, data: { ...d, files: [...d.files, a.file.fileId] }, next: 'files' } : { ok: true, data: { ...d, finished: true } },
      },
    ],
  };
  const file = (fileId: string): FlowInput => ({ kind: 'file', file: { channel: 'zalo', fileId, kind: 'document' } });

  async function feed(inputs: FlowInput[]): Promise<FlowOutcome<Files>> {
    let outcome = startFlow(collect, undefined, ctx);
    for (const input of inputs) {
      if (outcome.type !== 'ask') throw new Error('flow ended early');
      outcome = await advanceFlow(collect, outcome.state, input, ctx);
    }
    return outcome;
  }

  it('finishes when "xong" is typed at the file step, as a text-only channel sends it', async () => {
    const done = await feed([text('ghi chú'), file('a'), file('b'), text('xong')]);
    expect(done.type).toBe('done');
    expect(done.type === 'done' && done.state.data).toMatchObject({ note: 'ghi chú', files: ['a', 'b'], finished: true });
    const byNumber = await feed([text('ghi chú'), file('a'), text('1')]);
    expect(byNumber.type).toBe('done');
  });

  it('goes Back from the file step to the question before it, however many files arrived, keeping them', async () => {
    const back = await feed([text('ghi chú'), file('a'), file('b'), text('quay lại')]);
    expect(asked(back)).toEqual({ step: 'note' });
    expect(back.type === 'ask' && back.state.data.files).toEqual(['a', 'b']);
  });

  it('still says a typed text that is no choice is not a file', async () => {
    expect(asked(await feed([text('ghi chú'), text('ảnh đây')]))).toEqual({ step: 'files', problem: 'flow-problem-file' });
  });

  it("says the step's own words when the input is of the wrong kind (a photo where a note is asked, words where a file is)", async () => {
    const own: Flow<Files> = {
      ...collect,
      steps: collect.steps.map((s) => ({ ...s, hint: () => ({ key: `hint-${s.id}` }) })),
    };
    let outcome = startFlow(own, undefined, ctx);
    if (outcome.type !== 'ask') throw new Error('no question');
    outcome = await advanceFlow(own, outcome.state, file('a'), ctx);
    expect(asked(outcome)).toEqual({ step: 'note', problem: 'hint-note' });
    if (outcome.type !== 'ask') return;
    outcome = await advanceFlow(own, outcome.state, text('ghi chú'), ctx);
    if (outcome.type !== 'ask') throw new Error('no question');
    expect(asked(await advanceFlow(own, outcome.state, text('ảnh đây'), ctx))).toEqual({ step: 'files', problem: 'hint-files' });
    expect(asked(await advanceFlow(own, outcome.state, { kind: 'other' }, ctx))).toEqual({ step: 'files', problem: 'hint-files' });
  });
});

/** One question per content line, like registration's targets: the same step asks each line in turn. */
interface Lines {
  values: string[];
  line: number;
}
const LINES = 3;
const lines: Flow<Lines, { restart: string }> = {
  id: 'lines',
  version: 1,
  init: () => ({ values: [], line: 0 }),
  steps: [
    {
      id: 'title',
      accepts: 'choice',
      prompt: () => ({ key: 'ask-title' }),
      choices: () => [{ value: 'LDTT', label: label('Lao động tiên tiến') }],
      hint: () => ({ key: 'hint-title' }),
      answer: (d) => ({ ok: true, data: d }),
    },
    {
      id: 'line',
      accepts: 'text',
      prompt: (d) => ({ key: 'ask-line', vars: { n: d.line + 1 } }),
      hint: (d) => ({ key: 'hint-line', vars: { n: d.line + 1 } }),
      back: (d) => (d.line > 0 ? { ...d, line: d.line - 1 } : null),
      answer: (d, a) => {
        const values = [...d.values];
        values[d.line] = a.kind === 'text' ? a.text : '';
        const line = d.line + 1;
        return line < LINES ? { ok: true, data: { values, line }, next: 'line' } : { ok: true, data: { values, line } };
      },
    },
    { id: 'confirm', accepts: 'choice', prompt: () => ({ key: 'ask-confirm' }), choices: () => [{ value: 'ok', label: label('OK') }], answer: (d) => ({ ok: true, data: d }) },
  ],
};

async function feed(inputs: FlowInput[]): Promise<FlowOutcome<Lines>> {
  let outcome = startFlow(lines, { restart: 'c1' }, ctx);
  for (const input of inputs) {
    if (outcome.type !== 'ask') throw new Error('flow ended early');
    outcome = await advanceFlow(lines, outcome.state, input, ctx);
  }
  return outcome;
}

describe('a step that asks once per line', () => {
  it('goes back one line at a time, then out of the step to the one before it', async () => {
    const third = await feed([text('1'), text('a'), text('b')]);
    expect(third.type === 'ask' && third.prompt).toEqual({ key: 'ask-line', vars: { n: 3 } });
    expect(third.type === 'ask' && third.state.history).toEqual(['title', 'line']);
    const second = await feed([text('1'), text('a'), text('b'), { kind: 'back' }]);
    expect(second.type === 'ask' && second.prompt).toEqual({ key: 'ask-line', vars: { n: 2 } });
    const out = await feed([text('1'), text('a'), text('b'), { kind: 'back' }, text('quay lại'), { kind: 'back' }]);
    expect(asked(out)).toEqual({ step: 'title' });
  });

  it("answers a sticker or a voice note with the step's own hint, and a stale button with the stale problem", async () => {
    const sticker = await feed([text('1'), { kind: 'other' }]);
    expect(sticker.type === 'ask' && sticker.problem).toEqual({ key: 'hint-line', vars: { n: 1 } });
    const typed = await feed([text('Lao động xuất sắc')]);
    expect(typed.type === 'ask' && typed.problem).toEqual({ key: 'hint-title' });
    const stale = await feed([{ kind: 'pick', index: 0, rev: 9 }]);
    expect(asked(stale)).toEqual({ step: 'title', problem: 'flow-problem-stale-choice' });
  });

  it('says how an outdated flow was started, so it can start again the same way', async () => {
    const start = startFlow(lines, { restart: 'c1' }, ctx, { campaignId: 7 });
    if (start.type !== 'ask') throw new Error('no question');
    expect(await advanceFlow(lines, { ...start.state, version: 0 }, text('1'), ctx)).toEqual({ type: 'outdated', flow: 'lines', args: { campaignId: 7 } });
  });
});
