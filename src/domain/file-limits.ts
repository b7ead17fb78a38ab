import { isAlias, Lexer, Parser, visit, type Document } from 'yaml';

/**
 * Limits that keep an uploaded file (campaign file, units file) from costing more than it is worth.
 *
 * Two shapes of hostile file are tiny but explode when read: a YAML alias bomb ("billion laughs",
 * ten anchors of nine aliases each stand for 9^9 strings) and a document nested thousands of levels
 * deep, which overflows the stack of any recursive reader (the YAML composer, zod, our own walks).
 * Both are refused here, before the file is turned into data, with an error the bot can explain;
 * the checks themselves are iterative and stop as soon as the limit is passed.
 */

/**
 * Deepest nesting of lists and maps a file may have. A real campaign file needs about ten levels
 * (criteria three deep, each a map in a list); fifty leaves room and is far from any stack limit.
 */
export const MAX_NESTING = 50;

/**
 * Most alias expansions (`*name`) a YAML file may cost, as counted by the `yaml` package's
 * `maxAliasCount` (an alias of a large anchor counts for more). Hand-written files use a few.
 */
export const MAX_YAML_ALIASES = 100;

/** Where a file first goes deeper than {@link MAX_NESTING}, if it does. */
export type NestingCheck = { ok: true } | { ok: false; line: number };

/** 1-based line of character `offset`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Nesting of a JSON text, by one pass over its characters (strings skipped); called before
 * `JSON.parse` so a deep document never reaches a recursive reader. Malformed JSON passes: the
 * parser reports it.
 */
export function checkJsonNesting(text: string, max: number = MAX_NESTING): NestingCheck {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (++depth > max) return { ok: false, line: lineAt(text, i) };
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return { ok: true };
}

/**
 * Nesting of a YAML text (JSON included), measured on the `yaml` package's own concrete syntax
 * parser, which keeps its open collections on an explicit stack: flow (`[[[…`) and block
 * (`- - - …`, indentation) nesting are both counted, and reading stops at the first token too deep.
 */
export function checkYamlNesting(text: string, max: number = MAX_NESTING): NestingCheck {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) void token; // only the depth matters here
    // The stack holds the open document, then one entry per open collection (and a scalar).
    if (parser.stack.length - 1 > max) return { ok: false, line: lineAt(text, parser.offset) };
  }
  return { ok: true };
}

/**
 * A parsed YAML document as plain data, or `aliases` when resolving its aliases costs more than
 * {@link MAX_YAML_ALIASES} (then `line` is where the first alias is).
 */
export function yamlToData(doc: Document, lineOf: (offset: number) => number): { ok: true; data: unknown } | { ok: false; line: number } {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (e) {
    if (!(e instanceof ReferenceError) || !/excessive alias count/i.test(e.message)) throw e;
    let line = 1;
    visit(doc, (_key, node) => {
      if (!isAlias(node)) return undefined;
      if (node.range) line = lineOf(node.range[0]);
      return visit.BREAK;
    });
    return { ok: false, line };
  }
}
