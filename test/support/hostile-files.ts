/**
 * Files built to hurt a parser, for the tests that make sure they get a clear answer instead.
 */

/**
 * "Billion laughs": ten anchors, each a list of nine aliases of the previous one, so `*j` stands
 * for 9^9 ≈ 387 million strings while the file is under 1 KB. `use` places the last alias where a
 * real file would put a value, e.g. `units: *j` or `description: *j`.
 */
export function billionLaughs(use: (alias: string) => string): string {
  const lines = ['lol:', '  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    lines.push(`  - &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n${use('*j')}\n`;
}

/** A JSON document `depth` levels deep: `{"criteria":[{"items":[{"items":[ … ]}]}]}`. */
export function deepJson(depth: number): string {
  const open = '{"items":['.repeat(depth);
  const close = ']}'.repeat(depth);
  return `{"criteria":[${open}${close}]}`;
}
