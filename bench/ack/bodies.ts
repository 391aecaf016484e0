// Requests as Slack sends them, built before a round so the load generator only writes bytes: slash
// commands and log-modal submissions, each distinct (its own member, trigger id, view id and content)
// and signed (v0 HMAC over `v0:<timestamp>:<body>`). Payload shapes come from the driver tests use.
import { randomBytes } from 'node:crypto';
import type { StoredView } from '../../src/sandbox';
import {
  type DriverSlack,
  fillView,
  SlackDriver,
  signature,
  type ViewLike,
} from '../../src/sandbox/slack-driver';
import { LOG_BLOCKS } from '../../src/slack/views/log';
import { BENCH_SIGNING_SECRET, BENCH_TEAM, BENCH_USERS } from './workspace';

export interface SignedRequest {
  body: Buffer;
  headers: Record<string, string>;
  /** What identifies this request's effect in the database (the log's action text); null for commands. */
  marker: string | null;
}

/** Trigger ids and response URLs the stand-in minted, handed out in the order they were minted for. */
export class MintedIds implements DriverSlack {
  private triggers: string[] = [];
  private responseUrls: string[] = [];
  private users: string[] = [];
  private nextTrigger = 0;
  private nextResponseUrl = 0;

  constructor(private readonly dms: Record<string, string>) {}

  load(users: string[], triggers: string[], responseUrls: string[]): void {
    this.users = users;
    this.triggers = triggers;
    this.responseUrls = responseUrls;
    this.nextTrigger = 0;
    this.nextResponseUrl = 0;
  }

  issueTriggerId(_teamId: string, userId: string): string {
    const i = this.nextTrigger++;
    if (this.users[i] !== userId)
      throw new Error(`trigger ${i} was minted for ${this.users[i]}, not ${userId}`);
    return this.triggers[i]!;
  }

  responseUrl(_teamId: string, _channelId: string, userId: string): string {
    const i = this.nextResponseUrl++;
    if (this.users[i] !== userId) throw new Error(`response URL ${i} was minted for ${this.users[i]}`);
    return this.responseUrls[i]!;
  }

  dmChannelFor(_teamId: string, userId: string): string {
    const dm = this.dms[userId];
    if (!dm) throw new Error(`no DM for ${userId}`);
    return dm;
  }
}

function signed(rawBody: string, timestamp: number, marker: string | null): SignedRequest {
  return {
    body: Buffer.from(rawBody),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(BENCH_SIGNING_SECRET, timestamp, rawBody),
    },
    marker,
  };
}

/** The member who sends request number `n`: all 100 in turn. */
export const memberFor = (n: number): string => BENCH_USERS[n % BENCH_USERS.length]!.id;

export class RequestFactory {
  private readonly driver: SlackDriver;
  /** Distinguishes this run's markers from any other run's. */
  private readonly run = randomBytes(3).toString('hex');

  constructor(
    ids: MintedIds,
    private readonly logView: StoredView,
  ) {
    this.driver = new SlackDriver({
      // Only its payload builders are used: the bench sends the bodies itself.
      appUrl: 'http://127.0.0.1:9',
      signingSecret: BENCH_SIGNING_SECRET,
      slack: ids,
      teamId: BENCH_TEAM.id,
      teamDomain: BENCH_TEAM.domain,
      appId: BENCH_TEAM.appId,
    });
  }

  /** `/coach help` from member `n % 100`, in that member's DM. */
  helpCommand(n: number, timestamp: number): SignedRequest {
    const user = memberFor(n);
    // Encoded as the driver's command() posts it.
    return signed(new URLSearchParams(this.driver.commandFields(user, 'help')).toString(), timestamp, null);
  }

  /**
   * A log-modal submission: a modal of its own (view id, hash), filled in the way Slack reports each
   * element, about a person of its own, so it must be stored as one new conversation.
   */
  logSubmission(n: number, timestamp: number): SignedRequest {
    const user = memberFor(n);
    // The one thing to act on, unique to this submission: how its conversation is found afterwards.
    const marker = `rebuild my portfolio case study around one research question (${this.run}-${n})`;
    const person = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n}`;
    const id = `VB${String(n).padStart(9, '0')}`;
    const view: ViewLike = {
      ...(this.logView as unknown as ViewLike),
      id,
      root_view_id: id,
      hash: `${timestamp}.${randomBytes(4).toString('hex')}`,
      // The modal as opened for this person (`/coach log <name>`): the name is already filled in.
      blocks: this.logView.blocks.map((block) =>
        block.block_id === LOG_BLOCKS.person.blockId
          ? { ...block, element: { ...(block.element as object), initial_value: person } }
          : block,
      ),
    };
    const values = fillView(view, {
      Role: 'UX Researcher',
      Company: 'Acme Health',
      Date: yesterday(timestamp),
      Minutes: String(15 + (n % 30)),
      Format: ['video', 'phone', 'coffee'][n % 3]!,
      'What I learned': `Research portfolios should show one question from start to finish (${n}).`,
      "Skills I'm missing (comma separated)": 'usability testing, SQL, usability testing',
      'Words of the field (comma separated)': 'discovery, synthesis',
      "One thing I'll act on": marker,
      'Who else they suggested': `Sam Lee ${n} — Research Ops, Acme Health\nPriya Patel ${n} (Designer at Globex)`,
    });
    return signed(this.driver.viewSubmissionBody(user, view, values), timestamp, marker);
  }
}

/** The day before, in UTC: in the past in every member's timezone, so the app accepts it. */
function yesterday(timestamp: number): string {
  return new Date((timestamp - 86_400) * 1000).toISOString().slice(0, 10);
}

const FIRST = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Rowan', 'Emerson', 'Hayden', 'Sasha'];
const LAST = [
  'Nguyen',
  'Okafor',
  'Schmidt',
  'Haddad',
  'Kowalski',
  'Tanaka',
  'Moreau',
  'Silva',
  'Byrne',
  'Iyer',
];
