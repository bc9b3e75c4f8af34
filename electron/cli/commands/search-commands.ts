import type { CommandSpec } from '../command.js';

export const searchCommands: CommandSpec[] = [];
