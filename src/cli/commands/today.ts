/** `hearth today`: what to do now, in priority order. */
import type { Command } from 'commander';

export function registerToday(_program: Command): void {}
