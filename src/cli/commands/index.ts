import type { Command } from './types';
import { presetsCommand } from './presets';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [presetsCommand];
