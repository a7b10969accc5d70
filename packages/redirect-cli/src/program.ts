import { clientFamilies } from '@org/redirect-core/status';
import { Command, CommanderError } from 'commander';
import { check } from './commands/check';
import { convert } from './commands/convert';
import { explain } from './commands/explain';
import { addRedisCommands } from './commands/redis-commands';
import { simulate } from './commands/simulate';
import { trace } from './commands/trace';
import { readFormats, writeFormats } from './formats';
import { type CommandResult, colorEnabled, exitCodeHelp, exitCodes } from './output';
import { cliVersion } from './version';

/** Where the binary writes, and the environment it reads `NO_COLOR` from. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * Runs the `redirects` binary on `args` (without `node` and the script) and resolves to the
 * exit code. Every output goes through `io`, so it can run in-process.
 *
 * @example
 * ```ts
 * const code = await runCli(['explain', '308'], { stdout: process.stdout, stderr: process.stderr, env: process.env });
 * ```
 */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const color = colorEnabled(io.stdout, io.env);
  let exitCode: number = exitCodes.ok;
  const emit = (result: CommandResult) => {
    if (result.stdout) io.stdout.write(result.stdout);
    if (result.stderr) io.stderr.write(result.stderr);
    exitCode = result.exitCode;
  };

  const program = new Command('redirects')
    .description('Explain, simulate, check, trace and convert HTTP redirects.')
    .version(cliVersion, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', exitCodeHelp);

  program
    .command('explain')
    .description('What a 3xx status code means, per client, with sources.')
    .argument('<code>', 'a status code from 300 to 308')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExample:\n  redirects explain 308\n${exitCodeHelp}`)
    .action((code: string, opts: { json?: boolean }) => emit(explain(code, { ...opts, color })));

  program
    .command('simulate')
    .description('The request a client sends after a redirect, and every change to it.')
    .requiredOption('-s, --status <code>', 'the response status, e.g. 302')
    .option('-m, --method <method>', 'the request method', 'GET')
    .option('-u, --url <url>', 'the request URL', 'https://example.com/old')
    .option('-l, --location <location>', 'the Location of the response', '/new')
    .option('-H, --header <header>', 'a request header "name: value" (repeatable)', collect, [])
    .option('--response-header <header>', 'a response header (repeatable)', collect, [])
    .option('-d, --body <body>', 'a request body')
    .option('-c, --client <client>', `whose rules: ${clientFamilies.join(', ')}`, 'fetch')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  redirects simulate --method POST --status 302 --header "content-type: text/plain" --body hi\n${exitCodeHelp}`,
    )
    .action((opts) => emit(simulate({ ...opts, color })));

  program
    .command('check')
    .description('Validate and analyse a redirect map: loops, chains, shadowed rules, bad lines.')
    .argument('<file>', 'a redirect map (our JSON, CSV, Netlify _redirects, Next/Vercel JSON)')
    .option(
      '-f, --format <format>',
      `the map's format: ${readFormats.join(', ')} (default: detected)`,
    )
    .option('--strict', 'exit 1 on warnings too')
    .option('--fix', 'write the fixes (collapsed chains) back to the file')
    .option('--dry-run', 'with --fix: print the change as a unified diff, write nothing')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  redirects check public/_redirects --strict\n${exitCodeHelp}`,
    )
    .action(async (file: string, opts) =>
      emit(await check(file, { ...opts, color, progress: io.stderr })),
    );

  program
    .command('trace')
    .description('Follow a live redirect chain hop by hop and explain each hop.')
    .argument('<url>', 'the URL to start from')
    .option('-X, --method <method>', 'the request method (default: GET, or POST with --data)')
    .option('-H, --header <header>', 'a request header "name: value" (repeatable)', collect, [])
    .option('-d, --data <body>', 'a request body')
    .option('--max-hops <n>', 'redirects to follow at most', '10')
    .option('--timeout <ms>', 'milliseconds to wait for each hop', '10000')
    .option('-c, --client <client>', `whose method rules: ${clientFamilies.join(', ')}`, 'fetch')
    .option('--strict', 'exit 1 on warnings too')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExample:\n  redirects trace http://example.com/old\n${exitCodeHelp}`)
    .action(async (url: string, opts) => emit(await trace(url, { ...opts, color })));

  program
    .command('convert')
    .description('Convert a redirect map to another format.')
    .argument('<file>', 'a redirect map')
    .requiredOption('-t, --to <format>', `the target format: ${writeFormats.join(', ')}`)
    .option('-f, --from <format>', `the source format (default: detected)`)
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--lossy', 'write even what the target cannot say as the source did, listing each loss')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExample:\n  redirects convert _redirects --to next\n${exitCodeHelp}`)
    .action(async (file: string, opts) => emit(await convert(file, { ...opts, color })));

  addRedisCommands(program, emit, color);

  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    throw error;
  }
  return exitCode;
}
