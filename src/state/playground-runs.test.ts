import { describe, expect, it } from 'vitest';
import { defaultConfig, withField } from '../core/experiment/config';
import type { PlaygroundResult } from '../core/experiment/playground-view';
import { appendRun, liveProgress, RUN_HISTORY } from './playground-runs';

const result = (dropout: string) => ({ config: withField(defaultConfig(), 'model.dropout', dropout) }) as unknown as PlaygroundResult;

describe('playground runs', () => {
  it('numbers runs in order, says what changed since the run before, and keeps the last RUN_HISTORY', () => {
    let runs = appendRun([], result('0'), null);
    expect(runs.map((r) => r.id)).toEqual([1]);
    expect(runs[0].changes).toEqual([]);
    runs = appendRun(runs, result('0.5'), runs[0].result);
    expect(runs[1].id).toBe(2);
    expect(runs[1].changes.map((c) => c.text)).toEqual(['Dropout 0 → 0.5']);
    for (let i = 0; i < RUN_HISTORY + 2; i++) runs = appendRun(runs, result('0'), null);
    expect(runs).toHaveLength(RUN_HISTORY);
    expect(runs[RUN_HISTORY - 1].id).toBe(RUN_HISTORY + 4);
  });

  it('reads the ETA and counts a pool job adds to a progress event, and none from a plain one', () => {
    const plain = liveProgress({ phase: 'target', label: 'training the target model', fraction: 0.2 });
    expect(plain).toEqual({ label: 'training the target model', phase: 'target', fraction: 0.2, etaSeconds: null, counts: undefined });
    const counts = { shadows: { done: 1, total: 2 } };
    const job = liveProgress({ phase: 'shadows', label: 'x', fraction: 0.5, etaSeconds: 3, counts } as never);
    expect(job.etaSeconds).toBe(3);
    expect(job.counts).toBe(counts);
  });
});
