import type { Command } from 'commander';

export function registerMentions(_program: Command): void {}
