import { describe, expect, it } from 'vitest';
import { embedCode, embedSrc } from './embed-link';
import { presetConfig } from '../lessons/presets';
import { withField } from '../core/experiment/config';
import { readConfigParams } from './url-config';

describe('the embed code', () => {
  const base = presetConfig('patients-gap');

  it('keeps the preset and the controls, and adds only the settings the reader changed', () => {
    const config = withField(base, 'model.dropout', '0.5');
    const src = embedSrc('https://blog.example/mia/index.html', { widget: 'histogram', preset: 'patients-gap', base, config, controls: 'dropout,epsilon', backend: null });
    expect(src).toBe('https://blog.example/mia/index.html?embed=histogram&preset=patients-gap&model.dropout=0.5&controls=dropout,epsilon');
    // The link reopens exactly that config.
    const params = new URL(src).searchParams;
    expect(readConfigParams(params, presetConfig(params.get('preset')!)).config).toEqual(config);
  });

  it('leaves controls out when the link had none, and keeps a forced backend', () => {
    const src = embedSrc('/index.html', { widget: 'roc', preset: null, base, config: base, controls: null, backend: 'wasm' });
    expect(src).toBe('/index.html?embed=roc&backend=wasm');
  });

  it('escapes the link for an HTML attribute and sets the height', () => {
    const code = embedCode('/i.html?embed=roc&controls=dropout"x', 'roc', 700.4);
    expect(code).toContain('src="/i.html?embed=roc&amp;controls=dropout&quot;x"');
    expect(code).toContain('height="700"');
    expect(code).toContain('title="MIA Playground: roc"');
  });
});
