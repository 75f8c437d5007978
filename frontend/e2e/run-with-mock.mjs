// Runs the browser test (webapp.e2e.mjs) against the mock backend, for when the Java backend is not at hand.
// Needs a built web app (npm run build); `npm run e2e:mock` builds first.

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockBackend } from './mock-backend.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = createMockBackend();
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const url = `http://127.0.0.1:${server.address().port}`;
console.log(`mock backend on ${url}`);

const test = spawn(process.execPath, [join(here, 'webapp.e2e.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, IMAGEFLOW_URL: url, WEBAPP_URL: url },
});
const code = await new Promise((done) => test.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0))));
server.closeAllConnections?.();
server.close();
process.exit(code);
