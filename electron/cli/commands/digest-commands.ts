import type { CommandSpec } from '../command.js';

export const digestCommands: CommandSpec[] = [];
