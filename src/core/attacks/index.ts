/**
 * @fileoverview The attack algorithms, as pure functions over typed arrays (no tfjs, no DOM).
 * The experiment orchestrator trains the models and feeds their outputs in here.
 */

export * from './registry';
export * from './calibration';
export * from './output-api';
export * from './signals';
export * from './threshold-attacks';
export * from './attack-classifier';
export * from './shadow-model';
export * from './lira';
export * from './api-phi';
export * from './rmia';
export * from './class-thresholds';
export * from './label-only';
export * from './gradient-norm';
