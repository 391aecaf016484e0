// The pages a person sees in their browser while installing the coach (OAuth mode): the install page,
// the page after Slack sends them back, and the page for an install that cannot finish. Pure builders:
// data in, HTML out, every value escaped.

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapeMap[c] as string);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1c1d; background: #f8f8f8; margin: 0; }
  main { max-width: 34rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  a.button { display: inline-block; padding: .6rem 1.2rem; border-radius: 6px; background: #4a154b; color: #fff; text-decoration: none; font-weight: 600; }
  .small { color: #616061; font-size: .9rem; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

/** The install page: what the coach does, and the button to Slack's authorize page. */
export function installPage(authorizeUrl: string): string {
  return page(
    'Add the networking coach to Slack',
    `<h1>Add the networking coach to your Slack</h1>
<p>The coach helps people plan informational interviews: who to ask, how to ask, what to prepare,
and what to do after each chat. Each member's notes stay private to them.</p>
<p><a class="button" href="${html(authorizeUrl)}">Add to Slack</a></p>
<p class="small">Slack shows you what the coach may do before you decide.</p>`,
  );
}

export interface InstalledPage {
  teamName: string | undefined;
  /** Opens the app in Slack (deep link). */
  openUrl: string | undefined;
}

/** After a successful install: where to go next. */
export function installedPage({ teamName, openUrl }: InstalledPage): string {
  const where = teamName ? ` in ${html(teamName)}` : '';
  const open = openUrl
    ? `<p><a class="button" href="${html(openUrl)}">Open the coach in Slack</a></p>`
    : '<p>Open Slack and find the coach under Apps.</p>';
  return page(
    'The networking coach is installed',
    `<h1>The coach is installed${where}</h1>
${open}
<p>Next, type <code>/coach help</code> in any channel or in the coach's messages to see what it can do.
Its Home tab shows each member their own list and next steps.</p>`,
  );
}

/** Why an install could not finish, in the installer's terms. */
export type InstallProblem = 'cancelled' | 'expired' | 'used' | 'other_browser' | 'invalid' | 'failed';

const PROBLEMS: Record<InstallProblem, { title: string; text: string }> = {
  cancelled: {
    title: 'The install was cancelled',
    text: 'Nothing was installed. If you change your mind, you can start again.',
  },
  expired: {
    title: 'This install link has expired',
    text: 'Install links last 10 minutes. Start again and finish on the Slack page within that time.',
  },
  used: {
    title: 'This install link was already used',
    text: 'Each install link works once. If the coach is not in your workspace yet, start again.',
  },
  other_browser: {
    title: 'This install started in another browser',
    text: 'Finish the install in the browser where you started it, or start again here.',
  },
  invalid: {
    title: 'This install link is not valid',
    text: 'The link was changed or cut short on its way here. Start again from the install page.',
  },
  failed: {
    title: 'Slack did not finish the install',
    text: 'Nothing was installed. Start again; if it keeps failing, ask your Slack admin whether apps may be added.',
  },
};

export function installFailedPage(problem: InstallProblem, installPath: string): string {
  const { title, text } = PROBLEMS[problem];
  return page(
    title,
    `<h1>${html(title)}</h1>
<p>${html(text)}</p>
<p><a class="button" href="${html(installPath)}">Start the install again</a></p>`,
  );
}
