/** `hearth people list|show|merge|forget`: the community's people, their identities and scores. */
import type { Command } from 'commander';

export function registerPeople(_program: Command): void {}
