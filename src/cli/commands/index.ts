import type { Command } from './types';
import { presetsCommand } from './presets';
import { epsilonCommand, noiseCommand } from './privacy';
import { experimentCommand } from './experiment';
import { cacheCommand } from './cache';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [presetsCommand, experimentCommand, epsilonCommand, noiseCommand, cacheCommand];
