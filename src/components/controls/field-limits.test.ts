import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../core/experiment/config';
import { FIELDS, fieldSpec } from '../../core/experiment/schema';
import { limitText } from '../../state/field-meta';

describe('limitText: every numeric control states its limit', () => {
  const config = defaultConfig();
  // limitText reads only the dataset name; the rest need not fit that dataset.
  const on = (name: 'glyphs' | 'blobs'): ExperimentConfig => ({ ...config, data: { ...config.data, name } });

  it('gives the schema range, or the chosen dataset’s own', () => {
    expect(limitText(fieldSpec('train.epochs')!, config)).toBe('Limit 1–500.');
    expect(limitText(fieldSpec('train.learningRate')!, config)).toBe('Limit above 0, up to 10.');
    expect(limitText(fieldSpec('data.n')!, config)).toBe('Limit 20–20,000.');
    expect(limitText(fieldSpec('data.n')!, on('glyphs'))).toBe('Limit 20–10,000.');
    expect(limitText(fieldSpec('data.classes')!, on('blobs'))).toBe('Limit 2–8.');
  });

  it('covers every numeric field and no other', () => {
    for (const f of FIELDS) {
      const numeric = f.kind.type === 'int' || f.kind.type === 'number';
      expect(limitText(f, config) !== null, f.path).toBe(numeric);
    }
  });
});
