/** The `hearth` CLI from the TypeScript sources, for tests that need it as a separate process (kill -9). */
import { main } from '../src/cli/main.js';

await main(process.argv);
