import { describe, expect, it } from 'vitest';
import { CONTROL_ALIASES, DEFAULT_EMBED_CONTROLS, controlPath, readEmbedControls, unknownControlsNote } from './embed-controls';
import { fieldSpec } from '../core/experiment/schema';
import { readConfigParams } from './url-config';

describe('embed controls from ?controls=', () => {
  it('accepts full config paths in the order given', () => {
    expect(readEmbedControls('?embed=roc&controls=train.epochs,model.dropout', 'roc')).toEqual({ paths: ['train.epochs', 'model.dropout'], unknown: [] });
  });

  it('maps the short aliases, in any case, and drops repeats', () => {
    const c = readEmbedControls('?controls=Dropout,epochs,augmentation,model.dropout,EPOCHS', 'histogram');
    expect(c.paths).toEqual(['model.dropout', 'train.epochs', 'train.augmentation']);
    expect(controlPath('epsilon')).toBe('dp.targetEpsilon');
    expect(controlPath('dp')).toBe('dp.enabled');
    expect(controlPath('DP.TARGETEPSILON')).toBe('dp.targetEpsilon');
    for (const path of Object.values(CONTROL_ALIASES)) expect(fieldSpec(path), path).toBeDefined();
  });

  it('brings the DP switch with ε, placed before it, even when the link names it later', () => {
    expect(readEmbedControls('?controls=dropout,epsilon', 'histogram').paths).toEqual(['model.dropout', 'dp.enabled', 'dp.targetEpsilon']);
    expect(readEmbedControls('?controls=epsilon,dp', 'histogram').paths).toEqual(['dp.enabled', 'dp.targetEpsilon']);
    expect(readEmbedControls('?controls=dp', 'histogram').paths).toEqual(['dp.enabled']);
  });

  it('reports unknown names (and settings without a control) instead of failing', () => {
    const c = readEmbedControls('?controls=dropout,warp-speed,attack.names,dp.delta,' + 'x'.repeat(60), 'scoreboard');
    expect(c.paths).toEqual(['model.dropout']);
    expect(c.unknown).toEqual(['warp-speed', 'attack.names', 'dp.delta', 'x'.repeat(40)]);
    const note = unknownControlsNote(c.unknown);
    expect(note).toContain('“warp-speed”');
    expect(note).toContain('dropout');
    expect(unknownControlsNote([])).toBeNull();
  });

  it('none (or an empty list) hides every control', () => {
    expect(readEmbedControls('?controls=none', 'histogram')).toEqual({ paths: [], unknown: [] });
    expect(readEmbedControls('?controls=NONE', 'playground').paths).toEqual([]);
    expect(readEmbedControls('?controls=', 'histogram').paths).toEqual([]);
  });

  it('without the parameter, the histogram and playground embeds show dropout, DP with ε and epochs; the others none', () => {
    for (const widget of ['histogram', 'playground'] as const) {
      const c = readEmbedControls('?embed=' + widget, widget);
      expect(c.paths).toEqual(['model.dropout', 'dp.enabled', 'dp.targetEpsilon', 'train.epochs']);
      expect(c.paths).toEqual(DEFAULT_EMBED_CONTROLS[widget]);
    }
    for (const widget of ['roc', 'scoreboard', 'curves'] as const) expect(readEmbedControls('', widget).paths).toEqual([]);
  });

  it('is not mistaken for a config setting when the playground reads the link', () => {
    expect(readConfigParams(new URLSearchParams('controls=dropout&model.dropout=0.5')).problems).toEqual([]);
  });
});
