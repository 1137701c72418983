import type { Command } from './types';
import { presetsCommand } from './presets';
import { epsilonCommand, noiseCommand } from './privacy';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [presetsCommand, epsilonCommand, noiseCommand];
