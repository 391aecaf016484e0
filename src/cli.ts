// The `coach` command: start the app, run the nudge worker or one sweep, apply migrations, seal the
// installations again under a new key (rotate-key), and (in sandbox mode) try a command.
import { Command } from 'commander';
import { ConfigError, describeDatabase, loadConfig, MAKE_KEY } from './config';
import { SealError, Sealer } from './core/seal';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { createLogger } from './log';
import { startCoach } from './main';
import { parseSweepTime, startWorker, sweepCommand } from './nudges/commands';
import { SANDBOX_DEMO, seedDemo } from './services/demo';
import { rotateEncryptionKey, WrongKeyError } from './services/installations';

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
    const running = await startCoach(config, log).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof WrongKeyError) {
        console.error(error.message);
        process.exit(2);
      }
      if (error.code !== 'EADDRINUSE') throw error;
      console.error(
        `Port ${(error as { port?: number }).port ?? config.port} is already in use. ` +
          'Stop whatever holds it, or choose free ports with PORT (and SANDBOX_PORT in sandbox mode).',
      );
      process.exit(1);
    });
    const shutdown = async (signal: string) => {
      log.info(`received ${signal}, shutting down`);
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('worker')
  .description('Run the nudge scheduler alone (no HTTP app): a sweep every minute.')
  .action(async () => {
    const config = configOrExit();
    const log = createLogger(config.logLevel);
    const worker = await startWorker(config, log);
    log.info(`nudge worker started (${describeDatabase(config)})`);
    const shutdown = async (signal: string) => {
      log.info(`received ${signal}, stopping the nudge worker`);
      await worker.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('sweep')
  .description('Run one nudge sweep as of a given time and print what was (or would be) sent.')
  .option('--now <time>', "the sweep's clock, ISO 8601 with a zone, e.g. 2026-03-02T14:00:00Z (default: now)")
  .option('--dry-run', 'change nothing and send nothing; print what would be sent')
  .action(async (opts: { now?: string; dryRun?: boolean }) => {
    const config = configOrExit();
    const now = parseSweepTime(opts.now);
    if (!now) {
      console.error(
        `--now must be an ISO 8601 time with a zone, e.g. 2026-03-02T14:00:00Z (got "${opts.now}").`,
      );
      process.exit(2);
    }
    // Logs go to stderr so stdout is just the report.
    const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
    await sweepCommand({
      config,
      log,
      now,
      dryRun: opts.dryRun ?? false,
      print: (line) => console.log(line),
    });
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
  .command('rotate-key')
  .description(
    'Seal every installation again under ENCRYPTION_KEY (after moving the old key to ENCRYPTION_KEY_PREVIOUS).',
  )
  .action(async () => {
    const config = configOrExit();
    if (!config.encryption.key) {
      console.error(
        'ENCRYPTION_KEY is not set. Set it to the new key (make one with: ' +
          `${MAKE_KEY}) and put the old one in ENCRYPTION_KEY_PREVIOUS, then run coach rotate-key again.`,
      );
      process.exit(2);
    }
    const sealer = new Sealer(config.encryption.key, config.encryption.previous);
    const database = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
    try {
      const result = await rotateEncryptionKey(database.db, sealer);
      const count = `${result.resealed} installation${result.resealed === 1 ? '' : 's'}`;
      console.log(
        `Re-sealed ${count} under key ${result.keyId} (${result.alreadyCurrent} ` +
          `${result.alreadyCurrent === 1 ? 'was' : 'were'} current already).` +
          (config.encryption.previous.length > 0
            ? ' You can now remove the old key from ENCRYPTION_KEY_PREVIOUS.'
            : ''),
      );
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      console.error(
        `Nothing was changed. ${error.message}.\n` +
          'Put the key it was sealed under in ENCRYPTION_KEY_PREVIOUS (comma-separated, next to any ' +
          'other old keys) and run coach rotate-key again.',
      );
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description(
    `Seed the sandbox workspace's demo (${SANDBOX_DEMO.workspaceId}): students' lists and their cohort. Running it again adds nothing.`,
  )
  .action(async () => {
    const config = configOrExit();
    const database = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
    try {
      const result = await seedDemo(database.db, SANDBOX_DEMO, new Date());
      console.log(`${describeDatabase(config)}: ${result.summary}`);
    } finally {
      await database.close();
    }
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
    // A modal cannot be filled in from a terminal: the sandbox page shows it, ready to fill in.
    if (body.replies.some((r) => /^\(opened the ".*" modal\)$/.test(r))) {
      console.log(`\nFill it in on the sandbox page: http://localhost:${config.port}/`);
    }
  });

await program.parseAsync(process.argv);
