import type { CommandSpec } from '../command.js';

export const historyCommands: CommandSpec[] = [];
