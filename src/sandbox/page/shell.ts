// The sandbox page's HTML: one document with its styles inline and the script from /sandbox/page.js
// (client/main.ts, bundled by page-routes.ts). No external assets: no CDN, no web fonts.

const CSS = `
:root {
  --bg: #f8f8f7; --panel: #ffffff; --ink: #1d1c1d; --muted: #616061; --line: #dddddd;
  --brand: #3f0e40; --accent: #1164a3; --primary: #007a5a; --danger: #e01e5a; --focus: #1d9bd1;
  --mention-bg: #e8f5fa; --code-bg: #f4f4f4; --eph-bg: #fbf6e9;
  color-scheme: light;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font: 15px/1.46 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg);
}
#app { max-width: 920px; margin: 0 auto; min-height: 100%; display: flex; flex-direction: column; background: var(--panel); box-shadow: 0 0 0 1px var(--line); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }

.top { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; padding: 12px 18px; background: var(--brand); color: #fff; }
.brand { font-weight: 700; font-size: 16px; margin: 0; }
.brand-sub { font-weight: 400; opacity: 0.8; }
.who-wrap { display: flex; align-items: center; gap: 8px; }
.who { font: inherit; padding: 4px 6px; border-radius: 6px; border: 1px solid #bbb; }
.clock { font-size: 14px; }
.clock-zone { opacity: 0.8; }
.top-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-left: auto; }
.top .btn { background: rgba(255,255,255,0.12); color: #fff; border-color: rgba(255,255,255,0.4); }
.top .btn:hover { background: rgba(255,255,255,0.22); }
.top :focus-visible { outline-color: #fff; }
.status p { margin: 0; display: inline; }
.status { margin: 0; padding: 6px 18px; min-height: 1.9em; font-size: 14px; color: var(--muted); border-bottom: 1px solid var(--line); white-space: pre-wrap; }

.tabs { display: flex; gap: 4px; padding: 0 12px; border-bottom: 1px solid var(--line); }
.tab { font: inherit; font-weight: 600; color: var(--muted); background: none; border: 0; border-bottom: 3px solid transparent; padding: 10px 12px 8px; cursor: pointer; }
.tab[aria-selected="true"] { color: var(--ink); border-bottom-color: var(--accent); }
.panel { flex: 1; display: flex; flex-direction: column; min-height: 0; }
#panel-home { padding: 16px 20px; }
.muted { color: var(--muted); }

.log { flex: 1; overflow-y: auto; padding: 10px 18px; max-height: calc(100vh - 260px); min-height: 240px; }
.msg { padding: 8px 0; border-bottom: 1px solid #f0f0f0; }
.msg-ephemeral { background: var(--eph-bg); padding: 8px 10px; border-radius: 6px; border-bottom: 0; margin: 4px 0; }
.msg-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.msg-author { font-weight: 700; }
.msg-time, .msg-only-you, .msg-thread { font-size: 12px; color: var(--muted); }
.msg-only-you::before { content: "👁 "; }

.composer { padding: 8px 18px 14px; border-top: 1px solid var(--line); }
.composer-label { display: block; font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: 4px; }
.composer-row { display: flex; gap: 8px; align-items: flex-end; }
.composer-input { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #bbb; border-radius: 8px; resize: none; min-height: 40px; }
.composer-hint { margin: 6px 0 0; font-size: 13px; color: var(--muted); min-height: 1.2em; }
.join-bar { display: flex; align-items: center; gap: 12px; justify-content: center; padding: 14px; border-top: 1px solid var(--line); background: #f6f6f6; }
.join-bar p { margin: 0; }

.btn { font: inherit; font-size: 14px; font-weight: 600; padding: 5px 12px; border-radius: 6px; border: 1px solid #bbb; background: #fff; color: var(--ink); cursor: pointer; }
.btn:hover { background: #f4f4f4; }
.btn:disabled { opacity: 0.55; cursor: default; }
.btn-primary { background: var(--primary); border-color: var(--primary); color: #fff; }
.btn-primary:hover { background: #148567; }
.btn-danger { background: #fff; border-color: var(--danger); color: var(--danger); }
.btn-danger:hover { background: #fdf0f4; }
.btn-icon { padding: 3px 10px; }

.blocks > * { margin: 6px 0; }
.bk-header { font-size: 18px; margin: 12px 0 4px; }
.bk-divider { border: 0; border-top: 1px solid var(--line); margin: 12px 0; }
.bk-section { display: flex; gap: 12px; align-items: flex-start; }
.bk-section-body { flex: 1; min-width: 0; }
.bk-accessory { flex: none; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; margin-top: 4px; }
.bk-context { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; font-size: 13px; color: var(--muted); }
.bk-context p, .bk-context-text p { margin: 0; display: inline; }
.bk-context-image { width: 20px; height: 20px; border-radius: 4px; object-fit: cover; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.bk-image-img { max-width: 100%; max-height: 320px; border-radius: 6px; }
.bk-accessory-image { width: 72px; height: 72px; object-fit: cover; border-radius: 6px; }
.image-missing { width: auto; height: auto; display: inline-block; padding: 6px 10px; background: var(--code-bg); border-radius: 6px; font-size: 13px; color: var(--muted); }
.bk-image figcaption { font-size: 13px; color: var(--muted); }
figure { margin: 0; }
.bk-unsupported { color: var(--muted); font-size: 13px; }
.blocks p, .msg-text p { margin: 0 0 4px; }
.blocks ul, .blocks ol, .msg-text ul, .msg-text ol { margin: 2px 0 4px; padding-left: 22px; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 4px solid var(--line); color: #454245; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; background: var(--code-bg); border: 1px solid #e5e5e5; border-radius: 3px; padding: 0 3px; color: #c01343; }
pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; background: var(--code-bg); border: 1px solid #e5e5e5; border-radius: 4px; padding: 8px 10px; white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
a { color: var(--accent); }
.mention { background: var(--mention-bg); color: var(--accent); border-radius: 3px; padding: 0 2px; }

.overflow { position: relative; display: inline-block; }
.overflow-menu { position: absolute; right: 0; top: calc(100% + 4px); z-index: 5; min-width: 180px; background: #fff; border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,0.14); padding: 4px 0; }
.overflow-item { display: block; width: 100%; text-align: left; font: inherit; font-size: 14px; border: 0; background: none; padding: 6px 14px; cursor: pointer; }
.overflow-item:hover, .overflow-item:focus { background: var(--accent); color: #fff; }

.bk-input { margin: 12px 0; }
.bk-label { display: block; font-weight: 700; margin-bottom: 4px; }
.optional { font-weight: 400; color: var(--muted); }
.bk-text-input, .bk-select { font: inherit; width: 100%; padding: 7px 9px; border: 1px solid #bbb; border-radius: 6px; background: #fff; }
textarea.bk-text-input { resize: vertical; }
.bk-accessory .bk-select, .bk-actions .bk-select, .bk-actions .bk-text-input, .bk-accessory .bk-text-input { width: auto; }
.bk-hint { font-size: 13px; color: var(--muted); margin-top: 3px; }
.bk-error { font-size: 13px; color: var(--danger); margin-top: 3px; }
.bk-error:empty { display: none; }
.has-error .bk-text-input, .has-error .bk-select, .has-error .bk-choices { border-color: var(--danger); }
.bk-choices { display: flex; flex-direction: column; gap: 4px; border: 1px solid transparent; border-radius: 6px; }
.bk-choice { display: grid; grid-template-columns: auto 1fr; column-gap: 8px; align-items: start; }
.bk-choice input { margin-top: 4px; }
.bk-choice-desc { grid-column: 2; font-size: 13px; color: var(--muted); }
.bk-choice label p { margin: 0; display: inline; }

.overlay { position: fixed; inset: 0; background: rgba(29,28,29,0.45); display: flex; align-items: flex-start; justify-content: center; padding: 6vh 16px; z-index: 20; overflow-y: auto; }
.confirm-overlay { z-index: 30; }
.modal { background: #fff; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,0.3); width: min(560px, 100%); display: flex; flex-direction: column; max-height: 88vh; }
.modal.confirm { width: min(440px, 100%); }
.modal-head { display: flex; align-items: center; gap: 10px; padding: 18px 22px 10px; border-bottom: 1px solid var(--line); }
.modal-head .modal-title { padding: 0; border: 0; }
.modal-title { font-size: 20px; margin: 0; padding: 18px 22px 10px; border-bottom: 1px solid var(--line); }
.modal-body { padding: 8px 22px; overflow-y: auto; }
.confirm-text { padding: 14px 22px; }
.confirm-text p { margin: 0; }
.modal-footer { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 22px; border-top: 1px solid var(--line); }
`;

/** The whole page: the frame main.ts fills in, and its styles. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Networking coach · sandbox</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script src="/sandbox/page.js" defer></script>
</head>
<body>
<div id="app"><p class="muted" style="padding: 18px">Loading the sandbox…</p></div>
<noscript><p style="padding: 18px">The sandbox page needs JavaScript.</p></noscript>
</body>
</html>
`;
}
