import { runCli } from './program';

// A reader that closes the pipe early (`redirects --help | head`) is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

// The `redirects` binary. Exit codes are set, not forced, so piped output is flushed first.
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `@org/redirect-cli: unexpected failure: ${message}\nPlease report it with the command you ran.\n`,
    );
    process.exitCode = 1;
  },
);
