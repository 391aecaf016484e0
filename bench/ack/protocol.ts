// Messages between the ack bench and its Slack stand-in child process (over the IPC channel).
import type { StoredView } from '../../src/sandbox';

export interface ReadyMessage {
  type: 'ready';
  /** `http://127.0.0.1:PORT` of the stand-in. */
  url: string;
  /** `${url}/api/`: what the apps get as SLACK_API_URL. */
  apiUrl: string;
  /** Each member's DM with the bot, as Slack would put in a slash command's channel_id. */
  dms: Record<string, string>;
  /** The log modal as Slack answered views.open with it: what a member sees and submits. */
  logView: StoredView;
}

/** Asks the stand-in to mint, in order, one trigger id (and response URL) per listed member. */
export interface MintRequest {
  type: 'mint';
  id: number;
  users: string[];
  responseUrls: boolean;
}

export interface MintedMessage {
  type: 'minted';
  id: number;
  triggers: string[];
  responseUrls: string[];
}

/** Asks how many Web API calls the stand-in answered since the last ask, by method. */
export interface CallsRequest {
  type: 'calls';
  id: number;
}

export interface CallsMessage {
  type: 'calls';
  id: number;
  counts: Record<string, number>;
  /** Calls answered with ok: false, by method and error. */
  failures: Record<string, number>;
}

export type ToStandIn = MintRequest | CallsRequest;
export type FromStandIn = ReadyMessage | MintedMessage | CallsMessage;
