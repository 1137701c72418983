import { describe, expect, it } from 'vitest';
import { boundFigure } from './bound-figure';
import { maxTprAtFpr } from './bound';

const attack = { name: 'loss-threshold', title: 'Loss threshold', members: 500, nonMembers: 500, tprAtFpr: { '0.1': 0.5, '0.01': 0.011, '0.001': 0 } };

describe('boundFigure', () => {
  it('is null without DP or without a finite ε', () => {
    expect(boundFigure(null, [attack], 'log')).toBeNull();
    expect(boundFigure({ epsilon: null, delta: 1e-5 }, [attack], 'log')).toBeNull();
    expect(boundFigure({ epsilon: Infinity, delta: 1e-5 }, [attack], 'linear')).toBeNull();
  });

  it('draws the ceiling on the asked scale and judges every reported point against it', () => {
    const f = boundFigure({ epsilon: 1, delta: 1e-5 }, [attack], 'log')!;
    expect(f.curve.epsilon).toBe(1);
    expect(f.curve.fpr[0]).toBeCloseTo(1e-5, 12);
    f.curve.fpr.forEach((x, i) => expect(f.curve.tpr[i]).toBe(maxTprAtFpr(1, 1e-5, x)));
    expect(f.points.map((p) => p.fpr)).toEqual([0.1, 0.01, 0.001]);
    // 0.5 at 10% FPR is above e·0.1 + δ ≈ 0.27: the point is flagged, not silently drawn.
    expect(f.points[0].status).not.toBe('below');
    expect(f.points[2].status).toBe('below');
    expect(boundFigure({ epsilon: 1, delta: 1e-5 }, [attack], 'linear')!.curve.fpr[0]).toBe(0);
  });
});
