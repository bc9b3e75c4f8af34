import type { CommandSpec } from '../command.js';

export const githubCommands: CommandSpec[] = [];
