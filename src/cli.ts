// The `coach` command: start the app, apply migrations, and (in sandbox mode) try a command.
import { Command } from 'commander';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { migrate } from './db/migrate';
import { createLogger } from './log';
import { startCoach } from './main';

function configOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command()
  .name('coach')
  .description('A Slack app that coaches people through informational interviews.');

program
  .command('start')
  .description('Start the app (sandbox mode when no Slack credentials are set).')
  .action(async () => {
    const config = configOrExit();
    const log = createLogger(config.logLevel);
    const running = await startCoach(config, log);
    const shutdown = async (signal: string) => {
      log.info(`received ${signal}, shutting down`);
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit.')
  .action(async () => {
    const config = configOrExit();
    const result = await migrate(config.databaseKind, config.databaseUrl);
    console.log(
      `${describeDatabase(config)}: ${result.applied.length} migration(s) applied` +
        (result.applied.length ? ` (${result.applied.join(', ')})` : '') +
        `, ${result.alreadyApplied} already applied.`,
    );
  });

program
  .command('try')
  .description('Sandbox mode: send a slash command to the running app as a sandbox user and print the reply.')
  .argument('<command...>', 'e.g. "/coach help"')
  .option('-u, --user <id>', 'sandbox user id', 'U0SANDBOX1')
  .action(async (words: string[], opts: { user: string }) => {
    const config = configOrExit();
    const text = words.join(' ').replace(/^\/coach\s*/, '');
    const res = await fetch(`http://127.0.0.1:${config.port}/sandbox/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: opts.user, text }),
    }).catch(() => undefined);
    if (!res) {
      console.error(`Nothing answers on port ${config.port}. Start the app first: npm start`);
      process.exit(1);
    }
    if (res.status === 404) {
      console.error('The running app is not in sandbox mode.');
      process.exit(1);
    }
    const body = (await res.json()) as { replies: string[] };
    console.log(body.replies.join('\n\n') || '(no reply)');
  });

await program.parseAsync(process.argv);
