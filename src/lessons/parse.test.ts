import { describe, expect, it } from 'vitest';
import { parseFrontMatter, LessonFormatError } from './front-matter';
import { parseLesson } from './parse';
import { readLessonMeta } from './meta';
import { readGlossary, splitFirstUses } from './glossary';
import { fillPlaceholders, formatFact, groupThousands, parsePlaceholder } from './placeholders';
import { safeHref } from './markdown';

const HEAD = `---
title: "A test lesson"
summary: One line.
duration: 10 min
playground: lesson-overfit
objectives:
  - First objective
  - Second: with a colon
prerequisites:
  - 01-remembers
---
`;

const glossary = readGlossary([
  { id: 'member', term: 'member', forms: ['members'], definition: 'A record in the training set.' },
  { id: 'shadow-model', term: 'shadow model', forms: ['shadow models'], definition: 'A model the attacker trains.' },
]);

describe('front matter', () => {
  it('reads scalars, quoted strings and lists', () => {
    const { data, body, bodyLine } = parseFrontMatter(HEAD + 'Hello');
    expect(data.title).toBe('A test lesson');
    expect(data.objectives).toEqual(['First objective', 'Second: with a colon']);
    expect(data.prerequisites).toEqual(['01-remembers']);
    expect(body.trim()).toBe('Hello');
    expect(bodyLine).toBe(12);
  });

  it('rejects a missing fence, a repeated key and a stray line, naming the line', () => {
    expect(() => parseFrontMatter('title: x\n')).toThrow(LessonFormatError);
    expect(() => parseFrontMatter('---\na: 1\na: 2\n---\n')).toThrow(/"a" appears twice/);
    expect(() => parseFrontMatter('---\nnot a pair\n---\n', 'f.md')).toThrow(/f\.md:2/);
  });

  it('requires the lesson fields and rejects unknown ones', () => {
    expect(readLessonMeta('x', HEAD).objectives).toHaveLength(2);
    expect(() => readLessonMeta('x', '---\ntitle: t\n---\n')).toThrow(/needs "summary"/);
    expect(() => readLessonMeta('x', HEAD.replace('duration', 'durration'))).toThrow(/needs "duration"/);
  });
});

describe('blocks', () => {
  const lesson = parseLesson(
    'test',
    HEAD +
      `# Intro

Members of the set are exposed. More members here.

\`\`\`widget
{ "id": "w1", "type": "experiment", "preset": "lesson-overfit", "charts": ["roc"], "controls": ["train.epochs", {"path": "model.width", "max": 256}],
  "variants": [{"key": "e3", "set": {"train.epochs": 3}}, {"key": "e60", "set": {"train.epochs": 60}}],
  "claims": ["e60.auc > e3.auc"], "rows": [1, 2] }
\`\`\`

\`\`\`predict
{ "id": "p1", "widget": "w1", "question": "Will the **gap** grow?", "options": ["Yes", "No"], "answer": 0, "explain": "It did: {{w1.gap|pct}}." }
\`\`\`

\`\`\`checkpoint
{ "id": "c1", "question": "Why?", "options": [{"text": "A", "feedback": "Right, because $x^2$."}, {"text": "B", "feedback": "No."}], "answer": 0 }
\`\`\`

## The attack's AUC

AUC is {{w1.auc|prob}} and a shadow model helps.
`,
    glossary,
  );

  it('keeps blocks in order between prose segments', () => {
    expect(lesson.segments.map((s) => s.kind)).toEqual(['prose', 'widget', 'predict', 'checkpoint', 'prose']);
  });

  it('reads widget fields, normalizes controls and keeps unknown keys as extras', () => {
    const w = lesson.widgets[0];
    expect(w.controls).toEqual([{ path: 'train.epochs' }, { path: 'model.width', max: 256 }]);
    expect(w.variants.map((v) => v.key)).toEqual(['e3', 'e60']);
    expect(w.variants[0].label).toBe('e3');
    expect(w.claims).toEqual(['e60.auc > e3.auc']);
    expect(w.extra).toEqual({ rows: [1, 2] });
    expect(w.line).toBeGreaterThan(13);
  });

  it('renders inline Markdown and math in predict and checkpoint text', () => {
    expect(lesson.predictions[0].questionHtml).toContain('<strong>gap</strong>');
    expect(lesson.predictions[0].answer).toBe(0);
    expect(lesson.checkpoints[0].optionsHtml[0].feedback).toContain('katex');
  });

  it('rejects bad blocks with the file and line', () => {
    const bad = (block: string) => () => parseLesson('t', HEAD + '\n' + block);
    expect(bad('```widget\n{"id": "w1", "type": "nope"}\n```')).toThrow(/lessons\/t\/index\.md:\d+: unknown widget type "nope"/);
    expect(bad('```widget\n{"id": "w1", "type": "experiment", "charts": ["pie"]}\n```')).toThrow(/unknown chart "pie"/);
    expect(bad('```widget\n{ not json }\n```')).toThrow(/not valid JSON/);
    expect(bad('```predict\n{"id": "p", "widget": "zz", "question": "q", "options": ["a", "b"]}\n```')).toThrow(/names widget "zz"/);
    expect(bad('```checkpoint\n{"id": "c", "question": "q", "options": [{"text": "a", "feedback": "f"}, {"text": "b", "feedback": "g"}], "answer": 2}\n```')).toThrow(/"answer" must be/);
    expect(bad('```widget\n{"id": "w", "type": "experiment"}\n```\n```widget\n{"id": "w", "type": "experiment"}\n```')).toThrow(/used twice/);
  });
});

describe('prose', () => {
  const render = (md: string) => parseLesson('t', HEAD + md, glossary);

  it('gives headings ids and deep links, unique per lesson', () => {
    const l = render('# One\n\n## Two & more\n\n## Two & more\n');
    expect(l.headings.map((h) => h.id)).toEqual(['one', 'two-more', 'two-more-2']);
    const html = (l.segments[0] as { html: string }).html;
    expect(html).toContain('<h2 id="two-more" tabindex="-1">');
    expect(html).toContain('href="#/lessons/t/two-more"');
  });

  it('renders $…$ and $$…$$ with KaTeX without touching underscores or prices', () => {
    const html = (render('Bound $\\text{TPR} \\le e^{\\varepsilon}\\,\\text{FPR} + \\delta$ and a_b_c, $5 and $6.\n\n$$\nx_i^2\n$$\n').segments[0] as { html: string }).html;
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="math-display"');
    expect(html).toContain('a_b_c');
    expect(html).toContain('$5 and $6');
    expect(() => render('Broken $\\frac{1$ math.')).toThrow(/bad math/);
  });

  it('escapes raw HTML and drops unsafe links', () => {
    const html = (render('Hi <script>alert(1)</script> <b onclick="x">b</b>\n\n[bad](javascript:alert(1)) [ok](#/playground)\n').segments[0] as { html: string }).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<b ');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="#/playground">ok</a>');
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
  });

  it('collects placeholders and rejects malformed ones', () => {
    const l = render('Attack AUC {{w1.auc|prob}}, dropout {{w1.dropout.tprAt1|pct}}.\n\n```widget\n{"id": "w1", "type": "experiment"}\n```\n');
    expect(l.placeholders.map((p) => [p.widget, p.path, p.format])).toEqual([['w1', 'auc', 'prob'], ['w1', 'dropout.tprAt1', 'pct']]);
    expect(() => render('{{w1.auc|nope}}\n\n```widget\n{"id": "w1", "type": "experiment"}\n```')).toThrow(/bad placeholder/);
    expect(() => render('{{zz.auc}}')).toThrow(/names widget "zz"/);
  });

  it('marks only the first use of each glossary term, not in headings or code', () => {
    const l = render('# Members\n\nThe `members` list. Members are records. Every member counts, and shadow models too.\n\nA shadow model again.\n');
    expect(l.glossaryUsed).toEqual(['member', 'shadow-model']);
    const html = l.segments.map((s) => ('html' in s ? s.html : '')).join('');
    expect(html.match(/class="gloss"/g)).toHaveLength(2);
    expect(html).toContain('<span class="gloss" tabindex="0" aria-describedby="gloss-t-member">Members<span class="gloss-tip"');
    expect(html).toContain('<h1 id="members"');
  });
});

describe('glossary', () => {
  it('prefers the earliest, then the longest form', () => {
    const parts = splitFirstUses('shadow models and members', glossary, new Set());
    expect(parts.map((p) => [p.text, p.entry?.id])).toEqual([['shadow models', 'shadow-model'], [' and ', undefined], ['members', 'member']]);
  });
  it('rejects duplicate ids', () => {
    expect(() => readGlossary([{ id: 'a', term: 'a', definition: 'd' }, { id: 'a', term: 'b', definition: 'd' }])).toThrow(/twice/);
  });
});

describe('placeholders', () => {
  it('parses and formats', () => {
    expect(parsePlaceholder('{{w1.variants-x.auc|pct}}')).toMatchObject({ widget: 'w1', path: 'variants-x.auc', format: 'pct' });
    expect(parsePlaceholder('{{w1.auc}}')?.format).toBe('num');
    expect(parsePlaceholder('{{W1.auc}}')).toBeNull();
    expect(formatFact(0.2247, 'pct')).toBe('22%');
    expect(formatFact(0.0241, 'pct')).toBe('2.4%');
    expect(formatFact(0.0004, 'pct')).toBe('0.04%');
    expect(formatFact(0.8731, 'prob')).toBe('0.87');
    expect(formatFact(Infinity, 'eps')).toBe('∞');
    expect(formatFact(1.99999, 'eps')).toBe('2');
    expect(formatFact(undefined, 'pct')).toBe('–');
  });
  it('puts thousands separators into large numbers (1,000 records, not 1000)', () => {
    expect(formatFact(1000, 'int')).toBe('1,000');
    expect(formatFact(999.6, 'int')).toBe('1,000');
    expect(formatFact(999, 'int')).toBe('999');
    expect(formatFact(1234567, 'int')).toBe('1,234,567');
    expect(formatFact(-12000, 'int')).toBe('-12,000');
    expect(formatFact(1347, 'num')).toBe('1,350');
    expect(formatFact(12.5, 'num')).toBe('12.5');
    expect(formatFact(2500, 'eps')).toBe('2,500');
    expect(groupThousands('12345.678')).toBe('12,345.678');
    expect(groupThousands('0.00012')).toBe('0.00012');
  });
  it('fills values into HTML, escaped, with an ellipsis while loading', () => {
    const html = '<span class="ph" data-ph="w1.auc|prob">{{w1.auc|prob}}</span> {{w2.name|text}}';
    expect(fillPlaceholders(html, (r) => (r.widget === 'w1' ? 0.912 : undefined))).toBe('<span class="ph" data-ph="w1.auc|prob">0.91</span> …');
    expect(fillPlaceholders('{{w1.name|text}}', () => '<b>')).toBe('&lt;b&gt;');
  });
});
