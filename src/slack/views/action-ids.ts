// Action ids of buttons and menus that start a flow from anywhere (DMs, App Home, nudges, lists).
// The value of each is the contact id it applies to (or empty). One handler per id, in
// src/slack/listeners/actions.
export const OPEN = {
  addTarget: 'open.add_target',
  ask: 'open.ask',
  prep: 'open.prep',
  log: 'open.log',
  thanks: 'open.thanks',
  settings: 'open.settings',
  people: 'open.people',
} as const;
