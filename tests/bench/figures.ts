/**
 * @fileoverview The registry of benchmark measurements, in the order `npm run bench` runs them.
 * To add figures, write a Measure (see figure.ts) and append it here.
 */
import type { Measure } from './figure';
import { TRAINING_MEASURES } from './training';
import { PRIVACY_MEASURES } from './privacy';
import { EXPERIMENT_MEASURES } from './experiments';
import { APP_MEASURES } from './app';
import { ATTACK_SWITCH_MEASURES } from './attack-switch';
import { DEFENSE_MEASURES } from './defenses';

export type { Figure, Measure, BenchContext } from './figure';

export const MEASURES: Measure[] = [...TRAINING_MEASURES, ...PRIVACY_MEASURES, ...EXPERIMENT_MEASURES, ...DEFENSE_MEASURES, ...ATTACK_SWITCH_MEASURES, ...APP_MEASURES];
