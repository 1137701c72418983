/**
 * @fileoverview A tiny front-matter reader for lesson files: a `---` fenced header of
 * `key: value` lines and `key:` followed by `- item` lists. Enough YAML for titles, objectives and
 * prerequisites, and strict about everything else, so a typo fails loudly instead of vanishing.
 */

/** A front-matter value: a string, a number, or a list of strings. */
export type FrontValue = string | number | string[];

export interface FrontMatter {
  readonly data: Readonly<Record<string, FrontValue>>;
  /** The text after the closing `---`. */
  readonly body: string;
  /** 1-based line of the body's first line in the original file. */
  readonly bodyLine: number;
}

/** A lesson file that could not be read; the message names the file's line. */
export class LessonFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonFormatError';
  }
}

function scalar(raw: string): string | number {
  const v = raw.trim();
  if (/^".*"$/.test(v) || /^'.*'$/.test(v)) return v.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Splits `source` into its front matter and body. Throws LessonFormatError on a malformed header. Pure. */
export function parseFrontMatter(source: string, file = 'lesson'): FrontMatter {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new LessonFormatError(`${file}: the file must start with a "---" front-matter line.`);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new LessonFormatError(`${file}: the front matter has no closing "---" line.`);
  const data: Record<string, FrontValue> = {};
  let list: string[] | null = null;
  for (let i = 1; i < end; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item) {
      if (!list) throw new LessonFormatError(`${file}:${i + 1}: a "- item" line must follow a "key:" line.`);
      list.push(String(scalar(item[1])));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*):(.*)$/.exec(line);
    if (!pair) throw new LessonFormatError(`${file}:${i + 1}: expected "key: value", got "${line.trim()}".`);
    const [, key, rest] = pair;
    if (key in data) throw new LessonFormatError(`${file}:${i + 1}: "${key}" appears twice.`);
    if (rest.trim() === '') {
      list = [];
      data[key] = list;
    } else {
      list = null;
      data[key] = scalar(rest);
    }
  }
  return { data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
