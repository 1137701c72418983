import { describe, expect, it } from 'vitest';
import { runLine } from './run-history';
import type { PlaygroundResult } from '../../state/engine-types';

const attack = (name: string, title: string, auc: number, tpr: number) => ({ name, title, auc, tprAtFpr: { '0.1': 0, '0.01': tpr, '0.001': 0 } });
const result = { target: { testAccuracy: 0.704 }, attacks: [attack('gap', 'Gap attack', 0.6, 0), attack('lira-online', 'LiRA (online)', 0.781, 0.123)] } as unknown as PlaygroundResult;

describe('runLine', () => {
  it('names the change, the utility and the strongest attack (most members caught at 1% FPR)', () => {
    const change = { path: 'model.dropout', label: 'Dropout', text: 'Dropout 0 → 0.5' };
    expect(runLine(result, [change], false)).toEqual({ change: 'Dropout 0 → 0.5', utility: 'test 70%', attack: 'LiRA (online): AUC 0.78, 12% at 1% FPR' });
    expect(runLine(result, [change, { ...change, text: 'Epochs 40 → 10' }], false).change).toBe('Dropout 0 → 0.5 (+1 more)');
  });

  it('says first run or same settings when nothing changed, and keeps a decimal for small rates', () => {
    expect(runLine(result, [], true).change).toBe('First run');
    expect(runLine(result, [], false).change).toBe('Same settings');
    const weak = { ...result, attacks: [attack('gap', 'Gap attack', 0.55, 0.042)] } as unknown as PlaygroundResult;
    expect(runLine(weak, [], false).attack).toBe('Gap attack: AUC 0.55, 4.2% at 1% FPR');
    expect(runLine({ ...result, attacks: [] } as unknown as PlaygroundResult, [], false).attack).toBe('no attack');
  });
});
