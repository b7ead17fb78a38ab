import type { BotDeps } from './deps.js';

/**
 * Things a feature wires once per bot, with its deps (e.g. the registration notices' renderer the
 * scheduler uses). Features push theirs here when their module loads; `createBot` runs them.
 */
export const botSetups: Array<(deps: BotDeps) => void> = [];
