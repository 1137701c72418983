import { describe, expect, it } from 'vitest';
import { previewNote } from './preview-note';
import type { PlaygroundResult } from '../core/experiment/playground-view';

const withPartial = (partial: PlaygroundResult['partial']) => ({ partial }) as PlaygroundResult;

describe('previewNote', () => {
  it('says how many models a preview rests on and which attacks wait', () => {
    expect(previewNote(withPartial({ shadows: { done: 4, total: 4 }, references: { done: 6, total: 16 }, waiting: [] }))).toBe(
      'Preview while training, based on the target and 4 of 4 shadow models and 6 of 16 reference models: the numbers sharpen as more models arrive.',
    );
    expect(previewNote(withPartial({ shadows: { done: 0, total: 1 }, references: { done: 0, total: 0 }, waiting: ['loss-threshold'] }))).toBe(
      'Preview while training, based on the target and 0 of 1 shadow model: the numbers sharpen as more models arrive. Loss threshold appears when its models are trained.',
    );
  });

  it('says nothing for a finished result', () => {
    expect(previewNote(null)).toBeNull();
    expect(previewNote({} as PlaygroundResult)).toBeNull();
  });
});
