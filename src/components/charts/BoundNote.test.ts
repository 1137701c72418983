/**
 * @fileoverview The ROC's bound note, rendered on the server: a crossing explained by noise gets a
 * quiet caption, a point no noise explains gets a visible alert (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BoundNote from './BoundNote.svelte';
import type { BoundPoint } from '../../core/privacy/bound-check';

const point = (status: BoundPoint['status']): BoundPoint => ({
  name: 'lira-online', title: 'LiRA (online)', fpr: 0.01, falsePositivesAllowed: 3, tpr: 0.035, interval: { lower: 0.0142, upper: 0.0708 }, cap: 0.0272, status,
});

describe('BoundNote', () => {
  it('explains a crossing by sampling noise without alarm', () => {
    const { body } = render(BoundNote, { props: { points: [point('noise')], epsilon: 1 } });
    expect(body).toContain('the interval reaches inside the bound, so this is sampling noise.');
    expect(body).not.toContain('role="alert"');
  });

  it('raises a visible alert when no noise explains a point', () => {
    const { body } = render(BoundNote, { props: { points: [point('outside')], epsilon: 1 } });
    expect(body).toContain('role="alert"');
    expect(body).toContain('Warning: an attack beats the DP guarantee beyond sampling noise.');
    expect(body).toContain('LiRA (online) exceeds the bound even at the far end of its interval.');
  });

  it('shows nothing when every point is within the bound', () => {
    const { body } = render(BoundNote, { props: { points: [{ ...point('below'), tpr: 0.01 }], epsilon: 1 } });
    expect(body.replace(/<!--[^>]*-->/g, '').trim()).toBe('');
  });
});
