/**
 * @fileoverview The sentence shown above a preview result while models still train: what its
 * numbers rest on, and which chosen attacks wait for models. Pure.
 */
import { attackTitle } from '../core/attacks/registry';
import type { PlaygroundResult } from '../core/experiment/playground-view';

const count = (c: { done: number; total: number }, what: string) => `${c.done} of ${c.total} ${what}${c.total === 1 ? '' : 's'}`;

/** "Preview: based on 2 of 4 shadow models and 6 of 16 reference models; …" or null for a finished result. */
export function previewNote(result: PlaygroundResult | null): string | null {
  const p = result?.partial;
  if (!p) return null;
  const parts = [
    ...(p.shadows.total > 0 ? [count(p.shadows, 'shadow model')] : []),
    ...(p.references.total > 0 ? [count(p.references, 'reference model')] : []),
  ];
  const basis = parts.length ? `based on the target and ${parts.join(' and ')}` : 'based on the target';
  const waiting = p.waiting.length ? ` ${p.waiting.map((n) => attackTitle(n)).join(', ')} ${p.waiting.length === 1 ? 'appears' : 'appear'} when ${p.waiting.length === 1 ? 'its' : 'their'} models are trained.` : '';
  return `Preview while training, ${basis}: the numbers sharpen as more models arrive.${waiting}`;
}
