import { buildCore } from '../../scripts/lib/build-steps.mjs';

/** Integration tests spawn the CLI as a real child process: build its bundle once per run. */
export default async function setup(): Promise<void> {
  await buildCore();
}
