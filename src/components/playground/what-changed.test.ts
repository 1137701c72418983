import { describe, expect, it } from 'vitest';
import { defaultConfig, withField, type ExperimentConfig } from '../../core/experiment/config';
import { changesText, configDiff, settingLabel } from '../../state/config-diff';
import { comparedAttack, defensesOn, pct, rateWithInterval, whatChanged, type RunNumbers } from './what-changed';

const set = (c: ExperimentConfig, ...pairs: [string, string][]) => pairs.reduce((acc, [p, v]) => withField(acc, p, v), c);

describe('configDiff', () => {
  const base = defaultConfig();

  it('names each changed setting with its control label and both values', () => {
    const next = set(base, ['model.dropout', '0.5'], ['train.epochs', '10']);
    expect(configDiff(base, next).map((c) => c.text)).toEqual(['Dropout 0 → 0.5', 'Epochs 40 → 10']);
  });

  it('says on/off for switches, adds the ε DP-SGD aims for, and uses option names for choices', () => {
    const dp = set(base, ['dp.enabled', 'true']);
    expect(configDiff(base, dp).map((c) => c.text)).toEqual(['DP-SGD on (target ε 2)']);
    expect(configDiff(dp, base).map((c) => c.text)).toEqual(['DP-SGD off']);
    const aug = set(base, ['train.augmentation', 'noise']);
    expect(configDiff(base, aug).map((c) => c.text)).toEqual(['Augmentation: None → Gaussian input noise']);
  });

  it('leaves out settings that apply in neither config', () => {
    // ε changes while DP stays off: nothing a run could show.
    expect(configDiff(base, set(base, ['dp.targetEpsilon', '8']))).toEqual([]);
    // With DP on in both, the same change counts.
    const dp = set(base, ['dp.enabled', 'true']);
    expect(configDiff(dp, set(dp, ['dp.targetEpsilon', '8'])).map((c) => c.text)).toEqual(['Target ε 2 → 8']);
  });

  it('lists attacks added and removed by their titles, never their ids', () => {
    const next = set(base, ['attack.names', 'gap,rmia']);
    const [change] = configDiff(base, next);
    expect(change.text).toBe('Attacks: added RMIA; removed Loss threshold, Shadow-model attack, LiRA (online), LiRA (offline)');
    expect(change.text).not.toMatch(/lira-online|loss-threshold/);
  });

  it('is empty for equal configs, and labels every schema field in words', () => {
    expect(configDiff(base, defaultConfig())).toEqual([]);
    expect(settingLabel('train.l1')).toBe('L1 penalty');
    expect(settingLabel('model.dropout')).toBe('Dropout');
  });

  it('joins changes into one phrase, summarising long lists', () => {
    const c = (text: string) => ({ path: text, label: text, text });
    expect(changesText([c('A')])).toBe('A');
    expect(changesText([c('A'), c('B')])).toBe('A and B');
    expect(changesText([c('A'), c('B'), c('C')])).toBe('A, B and C');
    expect(changesText([c('A'), c('B'), c('C'), c('D'), c('E')])).toBe('A, B and 3 more changes');
  });
});

/** A run's numbers: test accuracy and each attack's TPR at 1% FPR with its interval. */
function run(config: ExperimentConfig, testAccuracy: number, attacks: [string, string, number, number, number][]): RunNumbers {
  return {
    config,
    target: { testAccuracy },
    attacks: attacks.map(([name, title, tpr, lower, upper]) => ({
      name, title, tprAtFpr: { '0.01': tpr }, tprAtFprCi: { '0.01': { lower, upper } }, tprAtFprLabel: { '0.01': 'TPR at 1% FPR' },
    })),
  };
}

describe('whatChanged', () => {
  const base = defaultConfig();
  const before = run(base, 0.71, [['gap', 'Gap attack', 0, 0, 0.01], ['lira-online', 'LiRA (online)', 0.31, 0.27, 0.35]]);

  it('names the setting, the same attack before and after with intervals, and test accuracy', () => {
    const after = run(set(base, ['model.dropout', '0.5']), 0.7, [['gap', 'Gap attack', 0, 0, 0.01], ['lira-online', 'LiRA (online)', 0.12, 0.09, 0.15]]);
    expect(whatChanged(before, after, 'lira-online')).toBe(
      'Dropout 0 → 0.5 cut the TPR at 1% FPR of LiRA (online) from 31% [27, 35] to 12% [9, 15]; test accuracy 71% → 70%.',
    );
  });

  it('says "raised" when the attack got stronger and warns when the intervals overlap', () => {
    const after = run(set(base, ['train.epochs', '80']), 0.71, [['lira-online', 'LiRA (online)', 0.34, 0.3, 0.38]]);
    expect(whatChanged(before, after, 'lira-online')).toBe(
      'Epochs 40 → 80 raised the TPR at 1% FPR of LiRA (online) from 31% [27, 35] to 34% [30, 38]; test accuracy stayed at 71%. ' +
        'The two intervals overlap, so this difference could be chance.',
    );
  });

  it('compares the featured attack only when it ran before; otherwise the strongest attack common to both', () => {
    const after = run(set(base, ['attack.names', 'gap,lira-online,rmia']), 0.71, [['gap', 'Gap attack', 0, 0, 0.01], ['lira-online', 'LiRA (online)', 0.31, 0.27, 0.35], ['rmia', 'RMIA', 0.4, 0.35, 0.45]]);
    expect(comparedAttack(before, after, 'rmia')).toBe('lira-online');
    expect(whatChanged(before, after, 'rmia')).toBe(
      'Attacks: added RMIA; removed Loss threshold, Shadow-model attack, LiRA (offline) left the TPR at 1% FPR of LiRA (online) at 31% [27, 35]; test accuracy stayed at 71%.',
    );
  });

  it('omits the brackets when a result has no intervals, and says so when no attack ran in both', () => {
    const plain = { ...before, attacks: [{ name: 'gap', title: 'Gap attack', tprAtFpr: { '0.01': 0.05 } }] };
    const after = { ...plain, config: set(base, ['seed', '2']), attacks: [{ name: 'gap', title: 'Gap attack', tprAtFpr: { '0.01': 0.02 } }] };
    expect(whatChanged(plain, after, 'gap')).toBe('Seed 1 → 2 cut the TPR at 1% FPR of Gap attack from 5% to 2%; test accuracy stayed at 71%.');
    const none = { ...after, attacks: [] };
    expect(whatChanged(plain, none, null)).toBe('Seed 1 → 2: test accuracy stayed at 71%. No attack ran in both runs, so there is no attack number to compare.');
  });

  it('says the same settings ran again, and is null for the first run', () => {
    expect(whatChanged(before, before, 'lira-online')).toBe(
      'The same settings again left the TPR at 1% FPR of LiRA (online) at 31% [27, 35]; test accuracy stayed at 71%.',
    );
    expect(whatChanged(null, before, 'lira-online')).toBeNull();
  });

  it('after dropout then augmentation, says the comparison is with the previous run and names its defense', () => {
    const dropout = run(set(base, ['model.dropout', '0.5']), 0.7, [['lira-online', 'LiRA (online)', 0.12, 0.09, 0.15]]);
    const augmented = run(set(base, ['train.augmentation', 'noise']), 0.69, [['lira-online', 'LiRA (online)', 0.2, 0.16, 0.25]]);
    expect(whatChanged(dropout, augmented, 'lira-online')).toBe(
      'Compared with the previous run (dropout 0.5), Dropout 0.5 → 0 and Augmentation: None → Gaussian input noise raised the TPR at 1% FPR of LiRA (online) ' +
        'from 12% [9, 15] to 20% [16, 25]; test accuracy 70% → 69%.',
    );
    // From the undefended run there is nothing to name; the same settings again need no name either.
    expect(whatChanged(before, augmented, 'lira-online')).toMatch(/^Augmentation: None → Gaussian input noise cut/);
    expect(whatChanged(dropout, dropout, 'lira-online')).toMatch(/^The same settings again/);
  });

  it('names every defense that was on, in words', () => {
    expect(defensesOn(base)).toEqual([]);
    expect(defensesOn(set(base, ['train.l2', '0.01'], ['model.dropout', '0.3']))).toEqual(['L2 0.01', 'dropout 0.3']);
    expect(defensesOn(set(base, ['dp.enabled', 'true'], ['dp.targetEpsilon', '4']))).toEqual(['DP-SGD at target ε 4']);
  });

  it('formats rates with a decimal only below 10%', () => {
    expect(pct(0.312)).toBe('31');
    expect(pct(0.042)).toBe('4.2');
    expect(pct(0)).toBe('0');
    expect(rateWithInterval(0.005, { lower: 0.001, upper: 0.02 })).toBe('0.5% [0.1, 2]');
  });
});
