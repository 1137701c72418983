import type { Command } from './types';
import { PRESETS } from '../../lessons/presets';

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'List the named experiment presets with one-line descriptions.',
  flags: [],
  async run() {
    return { presets: PRESETS.map((p) => ({ name: p.name, description: p.description })) };
  },
};
