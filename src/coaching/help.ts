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
