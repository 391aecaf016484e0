// What every listener gets: the database, a logger, a clock, and the queue for work after the ack.
// Listeners stay thin: they read the request, call a service, render a view and talk to Slack.
import type { Clock } from '../core/clock';
import type { Db } from '../db/client';
import type { Log } from '../log';
import type { Drafter } from '../services/drafter';
import type { AfterAck, HomeRefresher } from './after-ack';

/** What the app is started with. */
export interface CoreDeps {
  db: Db;
  log: Log;
  clock: Clock;
  /** Where the after-log thank-you is drafted (a worker thread in the running app; in-thread by default). */
  drafter?: Drafter;
}

/** What listeners get: the core, plus work after the ack and coalesced App Home refreshes. */
export interface AppDeps extends CoreDeps {
  later: AfterAck;
  home: HomeRefresher;
  drafter: Drafter;
}
