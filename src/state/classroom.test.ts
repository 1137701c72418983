import { describe, expect, it } from 'vitest';
import { classroomLink } from './classroom';
import { readAppMode } from './app-mode';

describe('classroom links', () => {
  it('carries the preset and exactly the chosen controls', () => {
    const link = classroomLink('http://localhost/', 'moons-2d', new Set(['train.epochs', 'model.dropout']));
    expect(link).toBe('http://localhost/?preset=moons-2d&show=model.dropout,train.epochs#/playground');
    const mode = readAppMode(new URL(link).search);
    expect([...(mode.visibleControls ?? [])].sort()).toEqual(['model.dropout', 'train.epochs']);
  });

  it('reads presenter and embed switches, ignoring unknown widgets', () => {
    expect(readAppMode('?present').present).toBe(true);
    expect(readAppMode('?embed=roc').embed).toBe('roc');
    expect(readAppMode('?embed=<x>').embed).toBeNull();
    expect(readAppMode('').visibleControls).toBeNull();
  });
});
