import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const body = { tagName: 'BODY' };

describe('presenter shortcuts', () => {
  it('maps the presenter keys', () => {
    expect(shortcutFor(' ', body)).toEqual({ type: 'toggle-run' });
    expect(shortcutFor('ArrowRight', body)).toEqual({ type: 'step', delta: 1 });
    expect(shortcutFor('ArrowLeft', body)).toEqual({ type: 'step', delta: -1 });
    expect(shortcutFor('3', body)).toEqual({ type: 'preset', index: 2 });
    expect(shortcutFor('?', body)).toEqual({ type: 'help' });
    expect(shortcutFor('r', body)).toEqual({ type: 'reset' });
  });

  it('leaves typing, menus, modified keys and focused buttons alone', () => {
    expect(shortcutFor('3', { tagName: 'INPUT', type: 'number' })).toBeNull();
    expect(shortcutFor('ArrowRight', { tagName: 'SELECT' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(shortcutFor('r', body, true)).toBeNull();
    expect(shortcutFor('x', body)).toBeNull();
  });

  it('still steps from a focused slider', () => {
    expect(shortcutFor('5', { tagName: 'INPUT', type: 'range' })).toEqual({ type: 'preset', index: 4 });
  });
});
