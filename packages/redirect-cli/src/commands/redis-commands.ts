import type { Command } from 'commander';
import { type CommandResult, exitCodeHelp } from '../output';

const redisOption = [
  '--redis <url>',
  'the Redis (or Valkey) URL, e.g. redis://127.0.0.1:6379',
] as const;
const keyOption = [
  '--key <key>',
  'the key the map is published under, e.g. redirects:site',
] as const;

// The Redis client is loaded only when one of these commands runs.

/**
 * Adds `publish`, `versions` and `rollback` (redirect maps published to Redis) to `program`;
 * each command's result goes to `emit`.
 */
export function addRedisCommands(
  program: Command,
  emit: (result: CommandResult) => void,
  color: boolean,
): void {
  program
    .command('publish')
    .description('Check a redirect map and publish it to Redis: every instance swaps to it.')
    .argument('<file>', 'a redirect map (our JSON, CSV, Netlify _redirects, Next/Vercel JSON)')
    .requiredOption(...redisOption)
    .requiredOption(...keyOption)
    .option('-f, --format <format>', "the map's format (default: detected)")
    .option('--force', 'publish despite errors that check reports')
    .option('--author <name>', 'who publishes (default: the user name)')
    .option('--keep <n>', 'versions to keep for rollback', '10')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  redirects publish public/_redirects --redis redis://127.0.0.1:6379 --key redirects:site\n${exitCodeHelp}`,
    )
    .action(async (file: string, opts) => {
      const { publish } = await import('./publish');
      emit(await publish(file, { ...opts, color }));
    });

  program
    .command('versions')
    .description('List the kept versions of a map published to Redis.')
    .requiredOption(...redisOption)
    .requiredOption(...keyOption)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  redirects versions --redis redis://127.0.0.1:6379 --key redirects:site\n${exitCodeHelp}`,
    )
    .action(async (opts) => {
      const { versions } = await import('./versions');
      emit(await versions({ ...opts, color }));
    });

  program
    .command('rollback')
    .description('Point every instance back at a kept version of a map published to Redis.')
    .argument('<version>', 'a version that `redirects versions` lists')
    .requiredOption(...redisOption)
    .requiredOption(...keyOption)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExample:\n  redirects rollback 41 --redis redis://127.0.0.1:6379 --key redirects:site\n${exitCodeHelp}`,
    )
    .action(async (version: string, opts) => {
      const { rollback } = await import('./versions');
      emit(await rollback(version, { ...opts, color }));
    });
}
