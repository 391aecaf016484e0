// Short explanations of the method, in the coach's voice.

/** One short paragraph: why informational interviews are worth the effort. */
export const WHY_BOTHER =
  'A lot of jobs are filled through people before they are ever posted, so the people you talk to now ' +
  'are often the ones who tell you about openings later. You only ask for 20 minutes, never a favour, ' +
  'and you come away knowing the words the field uses, which credentials really matter, what pay looks ' +
  'like and where the work is heading — before you spend months on a path.';

/** The same reasons as separate points, for a longer help screen. */
export const WHY_BOTHER_POINTS: readonly string[] = [
  'Many roles go to someone a team already knows, often before a listing appears. The people you learn from now are the ones who think of you later.',
  'You ask for a short conversation and nothing more, so it starts a relationship without spending any favours.',
  "You pick up the field's vocabulary for your resume, learn which credentials are must-haves and which are nice-to-haves, hear realistic pay ranges and find out where the field is growing — before you commit months to it.",
];

/** The cycle, one line a step, for onboarding and help. */
export const METHOD_STEPS: readonly string[] = [
  'List 5–10 people a step or two ahead of you on the path you want.',
  'Send each a short note asking for about 20 minutes, at a time that suits them.',
  'No reply after a week? Send one friendly follow-up, then let it go.',
  'Do your homework, then bring 5–7 questions only they can answer.',
  'Listen more than you talk, and offer to wrap up when the time you asked for is up.',
  'Never ask for a job. Opportunities come up on their own.',
  'Send a thank-you within 24 hours naming one thing you will act on.',
  'Ask who else to talk to, and reach out to the people they suggest.',
  'Turn what you learned into skills to build and words for your resume.',
  'Later, tell them how their advice played out.',
];
