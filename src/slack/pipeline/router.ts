// Listeners by kind and id. Bolt keeps every listener in one list and, for each request, runs the
// middleware chain of every one of them (each first asks "is this my kind? my id?"), so a request's
// cost grows with the number of listeners the app has. Every listener here is registered under an
// exact id, so they are kept in one map per kind instead, and the last global middleware calls the one
// listener a request is for: one lookup, whatever the number of listeners.
//
// Matching follows Bolt's for an exact id: a command by its name, an action by the `action_id` of the
// first action, a view by its `callback_id` (submissions only, as `app.view(id)` in Bolt), a shortcut
// by its `callback_id` and an event by its type. A request no listener here is for goes on to Bolt's
// own listeners (none, unless something registers on the App directly).
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';

export type RoutedKind = 'command' | 'action' | 'view' | 'shortcut' | 'event';

// biome-ignore lint/suspicious/noExplicitAny: listeners are typed by their own registration; here they are only called
type Listener = (args: any) => unknown;

const KINDS: readonly RoutedKind[] = ['command', 'action', 'view', 'shortcut', 'event'];

interface RoutedArgs {
  body: Record<string, unknown>;
  payload?: { action_id?: unknown };
  command?: { command?: unknown };
  action?: unknown;
  view?: unknown;
  shortcut?: unknown;
  event?: { type?: unknown };
  next: () => Promise<void> | void;
}

const noop = (): void => undefined;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export class ListenerRouter {
  private readonly tables: Record<RoutedKind, Map<string, Listener>> = {
    command: new Map(),
    action: new Map(),
    view: new Map(),
    shortcut: new Map(),
    event: new Map(),
  };

  /** Registers `listener` for requests of `kind` with exactly this id (one listener per id). */
  add(kind: RoutedKind, id: unknown, ...listeners: unknown[]): void {
    if (typeof id !== 'string' || id === '') {
      throw new TypeError(`a ${kind} listener needs an exact id (a non-empty string), got ${String(id)}`);
    }
    const [listener, ...more] = listeners;
    if (typeof listener !== 'function' || more.length > 0) {
      throw new TypeError(`the ${kind} listener for ${id} must be exactly one function`);
    }
    const table = this.tables[kind];
    if (table.has(id)) throw new Error(`two ${kind} listeners for ${id}`);
    table.set(id, listener as Listener);
  }

  /**
   * The app as listeners see it while they register: `command`, `action`, `view`, `shortcut` and
   * `event` land here, everything else is the app itself.
   */
  registrar(app: App): App {
    const methods = new Map<PropertyKey, (id: unknown, ...listeners: unknown[]) => void>(
      KINDS.map((kind) => [kind, (id: unknown, ...listeners: unknown[]) => this.add(kind, id, ...listeners)]),
    );
    return new Proxy(app, {
      get: (target, property) => methods.get(property) ?? Reflect.get(target, property, target),
    });
  }

  /** The listener a request is for, if any. */
  find(args: Omit<RoutedArgs, 'next'>): Listener | undefined {
    if (args.command) return this.get('command', str(args.command.command));
    if (args.action) return this.get('action', str(args.payload?.action_id));
    if (args.view) {
      const view = args.body.view as { callback_id?: unknown } | undefined;
      return args.body.type === 'view_submission' ? this.get('view', str(view?.callback_id)) : undefined;
    }
    if (args.shortcut) {
      const view = args.body.view as { callback_id?: unknown } | undefined;
      return this.get('shortcut', str(view ? view.callback_id : args.body.callback_id));
    }
    if (args.event) return this.get('event', str(args.event.type));
    return undefined;
  }

  /** The last global middleware: calls the listener the request is for, as Bolt would. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (raw) => {
      const args = raw as unknown as RoutedArgs;
      const listener = this.find(args);
      if (!listener) {
        await args.next();
        return;
      }
      // Bolt gives a listener the middleware's arguments with a `next` that does nothing; this object
      // was made for this call alone, so it is reused rather than copied.
      args.next = noop;
      await listener(args);
    };
  }

  get size(): number {
    let n = 0;
    for (const kind of KINDS) n += this.tables[kind].size;
    return n;
  }

  private get(kind: RoutedKind, id: string | undefined): Listener | undefined {
    return id === undefined ? undefined : this.tables[kind].get(id);
  }
}
