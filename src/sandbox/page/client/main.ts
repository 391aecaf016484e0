// The sandbox page's script (bundled for the browser by page-routes.ts): a small Slack with the coach's
// Home tab, the DM with the bot and the cohort channel, for trying the app with no Slack workspace.
// It draws PageState from /sandbox/state, redraws on the "change" events of /sandbox/events, and sends
// every click, command and submission to the routes in ../protocol.ts.
import type { ActionWhere, PageAction, PageMessage, PageState, PageValues } from '../protocol';
import { getState, post } from './api';
import { h, materialise, uid } from './dom';
import { confirmDialog, type OpenModal, openModal } from './modal';
import {
  atBottom,
  carryValues,
  clockSummary,
  dayOf,
  errorsKey,
  formatDayTime,
  initialValues,
  modalKey,
  readTyped,
  str,
  zoneName,
} from './model';
import { type Names, parseMrkdwn } from './mrkdwn';
import { type Form, type RenderCtx, renderBlocks, renderMessage } from './render';

type Tab = 'home' | 'dm' | 'channel';
const TABS: Tab[] = ['home', 'dm', 'channel'];

let me = new URLSearchParams(location.search).get('user') ?? '';
let state: PageState | null = null;
let tab: Tab = 'home';
/** What each pane last drew, so an unchanged pane is left alone (and keeps focus and selection). */
const drawn: Partial<Record<Tab | 'users', string>> = {};
let modal: { key: string; errors: string; open: OpenModal } | null = null;
let focusBeforeModal: HTMLElement | null = null;
/** What the member typed into each open view, by view id. */
const typedInto = new Map<string, PageValues>();
let homeForm: Form = { values: {}, errorSlots: new Map() };

// ---------------------------------------------------------------------------------------------
// The page's frame

const app = document.getElementById('app') ?? document.body;
const who = h('select', { id: 'who', class: 'who' });
const clock = h('span', { class: 'clock-time' });
const zone = h('span', { class: 'clock-zone' });
const status = h('p', { class: 'status', role: 'status' });

function headerButton(label: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'btn' }, label);
  button.addEventListener('click', () => onClick(button));
  return button;
}

const header = h(
  'header',
  { class: 'top' },
  h('h1', { class: 'brand' }, 'Networking coach', h('span', { class: 'brand-sub' }, ' sandbox')),
  h('div', { class: 'who-wrap' }, h('label', { for: 'who' }, 'You are'), who),
  h('div', { class: 'clock' }, clock, ' ', zone),
  h(
    'div',
    { class: 'top-actions' },
    headerButton('Advance 1 hour', (b) => advance(60, b)),
    headerButton('Advance 1 day', (b) => advance(24 * 60, b)),
    headerButton('Advance 1 week', (b) => advance(7 * 24 * 60, b)),
    headerButton('Load demo data', (b) => loadDemo(b)),
  ),
);

const tabButtons = {} as Record<Tab, HTMLButtonElement>;
const panels = {} as Record<Tab, HTMLElement>;
const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Sections' });
const tabNames: Record<Tab, string> = { home: 'Home', dm: 'Messages', channel: '#cohort-fall' };
for (const t of TABS) {
  const button = h(
    'button',
    { type: 'button', class: 'tab', role: 'tab', id: `tab-${t}`, 'aria-controls': `panel-${t}` },
    tabNames[t],
  );
  button.addEventListener('click', () => selectTab(t, false));
  button.addEventListener('keydown', (event) => {
    const at = TABS.indexOf(t);
    let next: Tab | undefined;
    if (event.key === 'ArrowRight') next = TABS[(at + 1) % TABS.length];
    else if (event.key === 'ArrowLeft') next = TABS[(at - 1 + TABS.length) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    selectTab(next, true);
  });
  tabButtons[t] = button;
  tablist.appendChild(button);
  panels[t] = h('section', {
    class: 'panel',
    role: 'tabpanel',
    id: `panel-${t}`,
    'aria-labelledby': `tab-${t}`,
  });
}

// Home
const homeView = h('div', { class: 'home-view' }, h('p', { class: 'muted' }, 'Loading your Home…'));
panels.home.appendChild(homeView);

// The two conversations
interface Pane {
  log: HTMLElement;
  composer: HTMLElement;
  input: HTMLTextAreaElement;
  hint: HTMLElement;
}

function pane(where: 'dm' | 'channel', logName: string): Pane {
  const log = h('div', { class: 'log', role: 'log', 'aria-label': logName, tabindex: 0 });
  const id = uid('composer');
  const hintId = uid('composer-hint');
  const input = h('textarea', {
    id,
    class: 'composer-input',
    rows: 1,
    placeholder: 'Type /coach help',
    'aria-describedby': hintId,
  });
  const send = h('button', { type: 'button', class: 'btn btn-primary' }, 'Send');
  const hint = h('p', { class: 'composer-hint', id: hintId, 'aria-live': 'polite' });
  const composer = h(
    'div',
    { class: 'composer' },
    h('label', { for: id, class: 'composer-label' }, 'Message'),
    h('div', { class: 'composer-row' }, input, send),
    hint,
  );
  const submit = () => void sendTyped(where, input, hint);
  send.addEventListener('click', submit);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  });
  return { log, composer, input, hint };
}

const dmPane = pane('dm', 'Messages with the coach');
panels.dm.append(dmPane.log, dmPane.composer);
const channelPane = pane('channel', 'Messages in the channel');
const joinButton = h('button', { type: 'button', class: 'btn btn-primary' }, 'Join #cohort-fall');
joinButton.addEventListener('click', () => void join());
const joinBar = h('div', { class: 'join-bar' }, h('p', {}, 'You are not in this channel yet.'), joinButton);
panels.channel.append(channelPane.log, joinBar, channelPane.composer);

app.replaceChildren(header, status, tablist, ...TABS.map((t) => panels[t]));
const modalHost = h('div', { class: 'modal-host' });
document.body.appendChild(modalHost);

// ---------------------------------------------------------------------------------------------
// Tabs

function selectTab(next: Tab, focus: boolean): void {
  const changed = next !== tab;
  showTab(next);
  if (focus) tabButtons[tab].focus();
  if (tab === 'home' && changed) openHome();
  if (tab !== 'home') scrollToBottom(tab === 'dm' ? dmPane.log : channelPane.log);
}

function showTab(next: Tab): void {
  tab = next;
  for (const t of TABS) {
    const selected = t === tab;
    tabButtons[t].setAttribute('aria-selected', String(selected));
    tabButtons[t].tabIndex = selected ? 0 : -1;
    panels[t].hidden = !selected;
  }
}

function openHome(): void {
  if (!me) return;
  void post('/sandbox/home', { user: me }).then((answer) => {
    if (!answer.ok) say(`Couldn't open your Home: ${answer.error}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Drawing the state

function names(s: PageState): Names {
  const users = new Map(s.users.map((u) => [u.id, u.name]));
  users.set(s.bot.id, s.bot.name);
  return {
    user: (id) => users.get(id),
    channel: (id) => (id === s.channel.id ? s.channel.name : undefined),
  };
}

function ctxFor(s: PageState): Omit<RenderCtx, 'where' | 'key'> {
  const n = names(s);
  return {
    names: n,
    users: s.users,
    channel: { id: s.channel.id, name: s.channel.name },
    act: (action, where) => void sendAction(action, where),
    confirm: (c) => confirmDialog(c, { names: n }),
  };
}

/** The simulated day in the member's zone (message times show the day when it is another). */
function today(s: PageState): string {
  const now = new Date(s.now);
  return Number.isNaN(now.getTime()) ? s.now : dayOf(now, tz(s));
}

/** The member's zone. */
function tz(s: PageState): string {
  return s.users.find((u) => u.id === s.me)?.tz ?? 'UTC';
}

function draw(s: PageState): void {
  const ctx = ctxFor(s);
  // Who you are
  const usersKey = JSON.stringify(s.users.map((u) => [u.id, u.name, u.facilitator]));
  if (drawn.users !== usersKey) {
    drawn.users = usersKey;
    who.replaceChildren(
      ...s.users.map((u) =>
        h(
          'option',
          { value: u.id },
          u.facilitator && !u.name.includes('(facilitator)') ? `${u.name} (facilitator)` : u.name,
        ),
      ),
    );
  }
  who.value = s.me;
  // The clock
  const now = new Date(s.now);
  clock.textContent = Number.isNaN(now.getTime())
    ? 'Simulated time: unknown'
    : `Simulated time: ${formatDayTime(now, tz(s))}`;
  zone.textContent = `(${tz(s)}${Number.isNaN(now.getTime()) ? '' : `, ${zoneName(now, tz(s))}`})`;
  // The channel's name
  const channelName = `#${s.channel.name}`;
  tabButtons.channel.textContent = channelName;
  joinButton.textContent = `Join ${channelName}`;
  joinBar.hidden = s.channel.joined;
  channelPane.composer.hidden = !s.channel.joined;

  // Home
  const homeKey = JSON.stringify([s.home, s.users, today(s)]);
  if (drawn.home !== homeKey) {
    drawn.home = homeKey;
    // The Home's own values (its selects and pickers), sent with each of its actions as Slack does.
    homeForm = { values: s.home ? initialValues(s.home) : {}, errorSlots: new Map() };
    const form = homeForm;
    redrawKeepingFocus(homeView, () =>
      s.home
        ? [renderBlocks(s.home.blocks, { ...ctx, form, where: { kind: 'home' }, key: 'home' })]
        : [h('p', { class: 'muted' }, 'Loading your Home…')],
    );
  }
  drawLog('dm', dmPane.log, s.dm.messages, s, ctx, 'No messages yet. Try /coach help');
  drawLog('channel', channelPane.log, s.channel.messages, s, ctx, 'No messages in this channel yet.');
  drawModal(s, ctx);
}

function drawLog(
  which: 'dm' | 'channel',
  log: HTMLElement,
  messages: PageMessage[],
  s: PageState,
  ctx: Omit<RenderCtx, 'where' | 'key'>,
  empty: string,
): void {
  const key = JSON.stringify([messages, s.users, today(s)]);
  if (drawn[which] === key) return;
  const first = drawn[which] === undefined;
  drawn[which] = key;
  const wasAtBottom = first || atBottom(log.scrollTop, log.scrollHeight, log.clientHeight);
  redrawKeepingFocus(log, () =>
    messages.length === 0
      ? [h('p', { class: 'muted' }, empty)]
      : messages.map((m) => renderMessage(m, s.now, tz(s), ctx)),
  );
  if (wasAtBottom) scrollToBottom(log);
}

function scrollToBottom(log: HTMLElement): void {
  log.scrollTop = log.scrollHeight;
}

/** Replaces `root`'s children; a control that had focus gets it back in the new drawing. */
function redrawKeepingFocus(root: HTMLElement, build: () => Node[]): void {
  const active = document.activeElement;
  const key = active && root.contains(active) ? active.getAttribute('data-key') : null;
  root.replaceChildren(...build());
  if (!key) return;
  const again = Array.from(root.querySelectorAll<HTMLElement>('[data-key]')).find(
    (el) => el.getAttribute('data-key') === key,
  );
  again?.focus();
}

function drawModal(s: PageState, ctx: Omit<RenderCtx, 'where' | 'key'>): void {
  const top = s.modals[s.modals.length - 1];
  if (!top) {
    typedInto.clear();
    if (modal) {
      modal.open.remove();
      modal = null;
      app.inert = false;
      if (focusBeforeModal?.isConnected) focusBeforeModal.focus();
      focusBeforeModal = null;
    }
    return;
  }
  const key = modalKey(top);
  const errors = errorsKey(top);
  if (modal && modal.key === key) {
    if (modal.errors !== errors) {
      modal.errors = errors;
      modal.open.showErrors(top.errors ?? {});
    }
    return;
  }
  // A new view, or the same one updated: what the member typed stays where the same inputs remain.
  // Views under the top one keep what was typed into them, for when the member comes back to them.
  if (modal) typedInto.set(modal.open.id, modal.open.form.values);
  for (const id of typedInto.keys()) if (!s.modals.some((m) => m.id === id)) typedInto.delete(id);
  const before = typedInto.get(top.id);
  const values: PageValues = before ? carryValues(before, top.view) : initialValues(top.view);
  if (!modal) {
    const active = document.activeElement;
    focusBeforeModal = active instanceof HTMLElement && app.contains(active) ? active : null;
  }
  const active = document.activeElement;
  const focusKey =
    modal && modal.open.id === top.id && active && modal.open.root.contains(active)
      ? active.getAttribute('data-key')
      : null;
  modal?.open.remove();
  app.inert = true;
  const viewId = top.id;
  const open = openModal(
    top,
    values,
    ctx,
    {
      close: () => void closeModal(viewId),
      submit: (v) => void submitModal(viewId, v),
      ...(s.modals.length > 1 ? { back: () => void closeModal(viewId) } : {}),
    },
    modalHost,
    focusKey,
  );
  modal = { key, errors, open };
}

// ---------------------------------------------------------------------------------------------
// Talking to the routes

/** Shows a line in the status bar; `mrkdwn` for text from the app (mentions, bold). */
function say(message: string, mrkdwn = false): void {
  if (!mrkdwn) status.textContent = message;
  else status.replaceChildren(materialise(parseMrkdwn(message, state ? names(state) : undefined)));
}

async function sendAction(action: PageAction, where: ActionWhere): Promise<void> {
  const body: Record<string, unknown> = { user: me, where, action };
  if (where.kind === 'view' && modal) body.values = modal.open.form.values;
  if (where.kind === 'home') body.values = homeForm.values;
  const answer = await post('/sandbox/action', body);
  if (!answer.ok) say(`That didn't go through: ${answer.error}`);
  refresh();
}

async function submitModal(viewId: string, values: PageValues): Promise<void> {
  modal?.open.setBusy(true);
  const answer = await post<{ errors?: Record<string, string> }>('/sandbox/submit', {
    user: me,
    viewId,
    values,
  });
  modal?.open.setBusy(false);
  if (!answer.ok) say(`Couldn't submit: ${answer.error}`);
  else if (answer.errors && modal && modal.open.id === viewId) modal.open.showErrors(answer.errors);
  refresh();
}

async function closeModal(viewId: string): Promise<void> {
  const answer = await post('/sandbox/close', { user: me, viewId });
  if (!answer.ok) say(`Couldn't close that: ${answer.error}`);
  refresh();
}

async function sendTyped(
  where: 'dm' | 'channel',
  input: HTMLTextAreaElement,
  hint: HTMLElement,
): Promise<void> {
  const typed = readTyped(input.value);
  if (typed.kind === 'empty') return;
  if (typed.kind === 'chat') {
    hint.textContent = "The coach doesn't read messages. Try /coach help";
    return;
  }
  hint.textContent = '';
  const answer = await post('/sandbox/command', { user: me, text: typed.text, where });
  if (!answer.ok) {
    hint.textContent = `That command didn't go through: ${answer.error}`;
    return;
  }
  // The command's answer shows up in the conversation (the routes add it there).
  input.value = '';
  input.style.height = '';
  refresh();
}

async function advance(minutes: number, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  say('Moving the clock…');
  const answer = await post<{ now?: string; sent?: unknown }>('/sandbox/clock', { advanceMinutes: minutes });
  button.disabled = false;
  say(
    answer.ok ? clockSummary(answer, state ? tz(state) : 'UTC') : `Couldn't move the clock: ${answer.error}`,
  );
  refresh();
}

async function loadDemo(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  say('Loading demo data…');
  const answer = await post<{ summary?: unknown }>('/sandbox/demo', { user: me });
  button.disabled = false;
  if (!answer.ok) say(`Couldn't load the demo data: ${answer.error}`);
  else say(str(answer.summary) || 'Demo data loaded.', true);
  refresh();
}

async function join(): Promise<void> {
  joinButton.disabled = true;
  const answer = await post('/sandbox/join', { user: me });
  joinButton.disabled = false;
  if (!answer.ok) say(`Couldn't join: ${answer.error}`);
  await refreshNow();
  if (state?.channel.joined) channelPane.input.focus();
}

// ---------------------------------------------------------------------------------------------
// Live: the state is fetched again on each change, one fetch at a time.

let fetching: Promise<void> | null = null;
let again = false;
let generation = 0;
let fellBack = false;

function refresh(): void {
  if (fetching) {
    again = true;
    return;
  }
  fetching = load().finally(() => {
    fetching = null;
    if (again) {
      again = false;
      refresh();
    }
  });
}

async function refreshNow(): Promise<void> {
  refresh();
  while (fetching) await fetching;
}

async function load(): Promise<void> {
  const asked = generation;
  const answer = await getState(me);
  if (asked !== generation) return;
  if (!answer.ok) {
    if (!state && me && !fellBack && answer.error !== 'network') {
      // A ?user= the sandbox does not know (an old link): start as the first member instead.
      fellBack = true;
      me = '';
      again = true;
      return;
    }
    say(`Couldn't load the sandbox: ${answer.error}`);
    return;
  }
  const first = !state;
  state = answer.state;
  if (!me && state.me) {
    me = state.me;
    remember();
    listen();
  }
  draw(state);
  if (first && tab === 'home') openHome();
}

let events: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;

function listen(): void {
  events?.close();
  if (retry) clearTimeout(retry);
  retry = null;
  if (!me) return;
  const source = new EventSource(`/sandbox/events?user=${encodeURIComponent(me)}`);
  events = source;
  source.addEventListener('change', () => refresh());
  source.addEventListener('message', () => refresh());
  // After a reconnect, fetch once: a change may have happened while the stream was down.
  source.addEventListener('open', () => refresh());
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED || events !== source) return;
    retry = setTimeout(listen, 2000);
  });
}

function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set('user', me);
  history.replaceState(null, '', url);
}

who.addEventListener('change', () => {
  me = who.value;
  generation += 1;
  state = null;
  for (const k of Object.keys(drawn)) delete drawn[k as keyof typeof drawn];
  if (modal) {
    modal.open.remove();
    modal = null;
    app.inert = false;
  }
  typedInto.clear();
  dmPane.input.value = '';
  channelPane.input.value = '';
  dmPane.hint.textContent = '';
  channelPane.hint.textContent = '';
  homeView.replaceChildren(h('p', { class: 'muted' }, 'Loading your Home…'));
  say('');
  remember();
  listen();
  refresh();
});

showTab(tab);
listen();
refresh();
