// The question bank and how a prep list is picked from it: 5–7 questions about judgment, trade-offs
// and lived experience, across different themes, suited to the person's kind of role, always ending
// with "who else should I talk to?".
import { cycleIndex, squish, stableHash, stripTrailingPunctuation } from './text';

export const QUESTION_THEMES = [
  'breaking_in',
  'typical_day',
  'skills',
  'tradeoffs',
  'credentials',
  'hiring_inside',
  'field_direction',
  'pay',
  'wish_known',
  'who_else',
] as const;
export type QuestionTheme = (typeof QUESTION_THEMES)[number];

export const ROLE_FAMILIES = [
  'engineering',
  'design',
  'data',
  'product',
  'marketing',
  'sales',
  'people',
  'any',
] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

export const INDUSTRY_TAGS = [
  'healthcare',
  'finance',
  'education',
  'nonprofit',
  'government',
  'agency',
] as const;
export type IndustryTag = (typeof INDUSTRY_TAGS)[number];

export interface Question {
  id: string;
  text: string;
  theme: QuestionTheme;
  /** Role families the question suits; ['any'] suits everyone. */
  roles: readonly RoleFamily[];
  /** When set, the question only comes up for contacts in one of these industries. */
  industries?: readonly IndustryTag[];
  /** True for questions written for career changers; their text uses {background}. */
  forChangers?: boolean;
}

const QUESTIONS_MIN = 5;
const QUESTIONS_MAX = 7;
const QUESTIONS_DEFAULT = 6;

/** The question that always closes the list: each answer can become a new target. */
export const CLOSING_QUESTION: Question = {
  id: 'who-else',
  text: 'Who else would you suggest I talk to as I keep learning about this field?',
  theme: 'who_else',
  roles: ['any'],
};

export const RESEARCH_REMINDER =
  'Before you meet, spend ten minutes on their profile and their company’s site. Keep the conversation ' +
  'for what only they can tell you: the judgment calls, the trade-offs and what the work is really like.';

const ANY: readonly RoleFamily[] = ['any'];

export const QUESTION_BANK: readonly Question[] = [
  // Breaking in
  {
    id: 'bi-start',
    theme: 'breaking_in',
    roles: ANY,
    text: 'How did you get your start in this work, and what would you do differently if you were starting today?',
  },
  {
    id: 'bi-turning-point',
    theme: 'breaking_in',
    roles: ANY,
    text: 'What was the turning point that got you your first role in this field?',
  },
  {
    id: 'bi-my-background',
    theme: 'breaking_in',
    roles: ANY,
    text: 'If someone with a background like mine asked you for the most realistic way in, what would you tell them?',
  },
  {
    id: 'bi-changer',
    theme: 'breaking_in',
    roles: ANY,
    forChangers: true,
    text: 'Coming from {background}, which parts of my experience do you think would carry over, and which would I need to rebuild?',
  },
  {
    id: 'bi-engineering',
    theme: 'breaking_in',
    roles: ['engineering'],
    text: 'What helped most when you were starting out as an engineer: projects, open source, a course, or something else?',
  },
  {
    id: 'bi-design',
    theme: 'breaking_in',
    roles: ['design'],
    text: 'Early on, how did you show your design or research work so that people took it seriously?',
  },
  {
    id: 'bi-data',
    theme: 'breaking_in',
    roles: ['data'],
    text: 'Where did you first get real experience with messy, real-world data?',
  },
  {
    id: 'bi-product',
    theme: 'breaking_in',
    roles: ['product'],
    text: 'Most product people seem to arrive from somewhere else. What was your route in?',
  },
  {
    id: 'bi-marketing',
    theme: 'breaking_in',
    roles: ['marketing'],
    text: 'How did you get your first hands-on marketing experience, and did any of it come from side projects?',
  },
  {
    id: 'bi-sales',
    theme: 'breaking_in',
    roles: ['sales'],
    text: 'What drew you into sales, and what surprised you in your first few months?',
  },
  {
    id: 'bi-people',
    theme: 'breaking_in',
    roles: ['people'],
    text: 'How did you find your way into recruiting and people work?',
  },

  // A typical day
  {
    id: 'td-last-week',
    theme: 'typical_day',
    roles: ANY,
    text: 'What did a recent week actually look like for you, from start to finish?',
  },
  {
    id: 'td-energy',
    theme: 'typical_day',
    roles: ANY,
    text: 'Which part of your day gives you the most energy, and which part drains it?',
  },
  {
    id: 'td-collaborators',
    theme: 'typical_day',
    roles: ANY,
    text: 'Who do you work with most closely, and how do decisions get made between you?',
  },
  {
    id: 'td-engineering',
    theme: 'typical_day',
    roles: ['engineering'],
    text: "How does your time split between writing code, reviewing other people's work and meetings?",
  },
  {
    id: 'td-design',
    theme: 'typical_day',
    roles: ['design'],
    text: 'How do your findings or designs actually make their way into what the team builds?',
  },
  {
    id: 'td-data',
    theme: 'typical_day',
    roles: ['data'],
    text: 'How much of your week goes to finding and cleaning data, compared with analysis and explaining results?',
  },
  {
    id: 'td-product',
    theme: 'typical_day',
    roles: ['product'],
    text: 'How does a normal week divide between customers, engineers and leadership?',
  },
  {
    id: 'td-marketing',
    theme: 'typical_day',
    roles: ['marketing'],
    text: 'Which numbers do you watch from week to week, and how do they shape what you work on?',
  },
  {
    id: 'td-sales',
    theme: 'typical_day',
    roles: ['sales'],
    text: 'How does a typical week split between finding new leads, calls and everything else?',
  },
  {
    id: 'td-people',
    theme: 'typical_day',
    roles: ['people'],
    text: 'What does a normal week of hiring look like from your side of the table?',
  },

  // Skills that matter
  {
    id: 'sk-matter',
    theme: 'skills',
    roles: ANY,
    text: 'Which skills matter most in your day-to-day work, and which ones do newcomers overrate?',
  },
  {
    id: 'sk-good-great',
    theme: 'skills',
    roles: ANY,
    text: 'What separates someone who is good at this job from someone who is great at it?',
  },
  {
    id: 'sk-three-months',
    theme: 'skills',
    roles: ANY,
    text: 'If you had three months to get someone ready for this role, what would you have them practise?',
  },
  {
    id: 'sk-changer',
    theme: 'skills',
    roles: ANY,
    forChangers: true,
    text: 'Which skills from {background} do you think would transfer best to this work?',
  },
  {
    id: 'sk-engineering',
    theme: 'skills',
    roles: ['engineering'],
    text: 'Beyond the languages listed in job ads, which engineering habits made the biggest difference for you?',
  },
  {
    id: 'sk-design',
    theme: 'skills',
    roles: ['design'],
    text: 'Which methods do you use all the time, and which ones rarely come up outside a course?',
  },
  {
    id: 'sk-data',
    theme: 'skills',
    roles: ['data'],
    text: 'Honestly, how much do SQL, statistics and storytelling each matter in your role?',
  },
  {
    id: 'sk-product',
    theme: 'skills',
    roles: ['product'],
    text: 'How did you build the judgment to say no to good ideas?',
  },
  {
    id: 'sk-marketing',
    theme: 'skills',
    roles: ['marketing'],
    text: 'Which tools and channels would you learn first if you were starting out now?',
  },
  {
    id: 'sk-sales',
    theme: 'skills',
    roles: ['sales'],
    text: 'What do the strongest people on your team do differently on a call?',
  },

  // Trade-offs
  {
    id: 'to-hardest',
    theme: 'tradeoffs',
    roles: ANY,
    text: 'What is the hardest trade-off you make regularly in your work?',
  },
  {
    id: 'to-hidden-cost',
    theme: 'tradeoffs',
    roles: ANY,
    text: "What does this role ask of you that people don't see from the outside?",
  },
  {
    id: 'to-size',
    theme: 'tradeoffs',
    roles: ANY,
    text: 'How different is this work at a small company compared with a large one?',
  },
  {
    id: 'to-product',
    theme: 'tradeoffs',
    roles: ['product'],
    text: 'When customers, engineers and the business want different things, how do you decide?',
  },
  {
    id: 'to-data',
    theme: 'tradeoffs',
    roles: ['data', 'engineering'],
    text: 'How do you balance doing it properly with the pressure to have an answer by Friday?',
  },
  {
    id: 'to-finance',
    theme: 'tradeoffs',
    roles: ANY,
    industries: ['finance'],
    text: 'How do regulation and risk shape what your team is able to try?',
  },
  {
    id: 'to-nonprofit',
    theme: 'tradeoffs',
    roles: ANY,
    industries: ['nonprofit'],
    text: 'How does working for a mission-driven organisation change the way your team measures success?',
  },
  {
    id: 'to-agency',
    theme: 'tradeoffs',
    roles: ANY,
    industries: ['agency'],
    text: 'What do you gain and lose by switching between clients rather than working on one product?',
  },

  // Credentials: required or nice to have
  {
    id: 'cr-which',
    theme: 'credentials',
    roles: ANY,
    text: 'Which credentials or certificates really matter for this role, and which are just nice to have?',
  },
  {
    id: 'cr-degree',
    theme: 'credentials',
    roles: ANY,
    text: 'When your team hires, does a degree in the field matter, or do projects and experience count for more?',
  },
  {
    id: 'cr-one-course',
    theme: 'credentials',
    roles: ANY,
    text: 'If I could only take one course or certificate next, which would you choose, and why?',
  },
  {
    id: 'cr-design',
    theme: 'credentials',
    roles: ['design'],
    text: 'Do certificates carry weight with design hiring managers, or is the portfolio what counts?',
  },
  {
    id: 'cr-data',
    theme: 'credentials',
    roles: ['data'],
    text: 'How much does a formal maths or statistics background matter compared with practical projects?',
  },
  {
    id: 'cr-engineering',
    theme: 'credentials',
    roles: ['engineering'],
    text: 'Does a bootcamp background change how people are seen on engineering teams, and for how long?',
  },
  {
    id: 'cr-healthcare',
    theme: 'credentials',
    roles: ANY,
    industries: ['healthcare'],
    text: 'Which healthcare-specific knowledge or training do people in your role need to pick up?',
  },

  // Hiring from the inside
  {
    id: 'hi-stand-out',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'When your team hires, what makes a candidate stand out?',
  },
  {
    id: 'hi-referrals',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'How much of the hiring where you work happens through people the team already knows?',
  },
  {
    id: 'hi-wish-understood',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'What do hiring managers in your field wish candidates understood?',
  },
  {
    id: 'hi-red-flags',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'What makes you hesitate about a candidate, even one with a strong resume?',
  },
  {
    id: 'hi-design',
    theme: 'hiring_inside',
    roles: ['design'],
    text: "What do you look for first when you open someone's portfolio?",
  },
  {
    id: 'hi-engineering',
    theme: 'hiring_inside',
    roles: ['engineering'],
    text: 'What are technical interviews on your team really trying to find out?',
  },
  {
    id: 'hi-data',
    theme: 'hiring_inside',
    roles: ['data', 'product'],
    text: 'What makes a take-home exercise or case study stand out to you?',
  },
  {
    id: 'hi-people',
    theme: 'hiring_inside',
    roles: ['people'],
    text: "From the recruiting side, what makes a career changer's application worth a closer look?",
  },

  // Where the field is going
  {
    id: 'fd-next-years',
    theme: 'field_direction',
    roles: ANY,
    text: 'Where do you see this field heading in the next few years, and which skills will matter more?',
  },
  {
    id: 'fd-changing',
    theme: 'field_direction',
    roles: ANY,
    text: 'Which parts of your work are changing fastest right now?',
  },
  {
    id: 'fd-growing',
    theme: 'field_direction',
    roles: ANY,
    text: 'Which areas or industries are growing for people in your kind of role?',
  },
  {
    id: 'fd-healthcare',
    theme: 'field_direction',
    roles: ANY,
    industries: ['healthcare'],
    text: 'How are changes in healthcare shaping the kind of work your team takes on?',
  },
  {
    id: 'fd-education',
    theme: 'field_direction',
    roles: ANY,
    industries: ['education'],
    text: 'What is changing in education right now that affects roles like yours?',
  },
  {
    id: 'fd-government',
    theme: 'field_direction',
    roles: ANY,
    industries: ['government'],
    text: 'What is different about doing this work in the public sector, and where is it heading?',
  },

  // Pay, asked about the field rather than the person
  {
    id: 'pay-range',
    theme: 'pay',
    roles: ANY,
    text: 'What salary range is realistic for someone starting out in this role where you are?',
  },
  {
    id: 'pay-growth',
    theme: 'pay',
    roles: ANY,
    text: 'How does pay tend to grow over the first few years in this field?',
  },

  // What they wish they had known
  {
    id: 'wk-told',
    theme: 'wish_known',
    roles: ANY,
    text: 'What do you wish someone had told you before you started in this field?',
  },
  {
    id: 'wk-mistake',
    theme: 'wish_known',
    roles: ANY,
    text: 'What is one mistake you see newcomers make that is easy to avoid?',
  },
  {
    id: 'wk-less-time',
    theme: 'wish_known',
    roles: ANY,
    text: 'Looking back, what would you have spent less time on while getting ready for this career?',
  },
];

// ---------------------------------------------------------------------------------------------
// Classifying roles and industries.

// Checked in order: "product designer" is design, "product marketing manager" is marketing,
// "sales engineer" is sales and "data engineer" is data.
const ROLE_FAMILY_KEYWORDS: [RoleFamily, RegExp][] = [
  ['people', /\b(?:recruit\w*|talent|hr|human resources|people (?:ops|operations|partner|team)|sourcer)\b/],
  ['design', /\b(?:design\w*|ux|ui|user research\w*|ux research\w*|interaction|visual|content design\w*)\b/],
  [
    'data',
    /\b(?:data|analyst|analytics|scientist|machine learning|ml|bi|business intelligence|statistic\w*)\b/,
  ],
  ['marketing', /\b(?:marketing|marketer|growth|content|seo|brand|social media|communications|comms|pr)\b/],
  [
    'sales',
    /\b(?:sales|account (?:executive|manager)|business development|bdr|sdr|customer success|partnerships)\b/,
  ],
  ['product', /\b(?:product|pm|program manager|product owner)\b/],
  [
    'engineering',
    /\b(?:engineer\w*|developer|dev|swe|software|programmer|devops|sre|architect|front[-\s]?end|back[-\s]?end|full[-\s]?stack|qa|security|mobile|ios|android|web)\b/,
  ],
];

/** The kind of role a job title belongs to; 'any' when it is unclear. */
export function roleFamily(role: string | null | undefined): RoleFamily {
  if (!role) return 'any';
  const lower = role.toLowerCase();
  for (const [family, pattern] of ROLE_FAMILY_KEYWORDS) {
    if (pattern.test(lower)) return family;
  }
  return 'any';
}

const INDUSTRY_KEYWORDS: [IndustryTag, RegExp][] = [
  ['healthcare', /\b(?:health\w*|medical|medicine|hospital|clinic\w*|pharma\w*|biotech|life sciences)\b/],
  ['finance', /\b(?:financ\w*|fintech|bank\w*|insurance|insurtech|invest\w*|accounting|payments?)\b/],
  ['education', /\b(?:education|edtech|school|university|universities|college|learning|teaching)\b/],
  ['nonprofit', /\b(?:non-?profit|not-for-profit|charity|charities|ngo|foundation)\b/],
  ['government', /\b(?:government|public sector|civic|federal|municipal|council|ministry)\b/],
  ['agency', /\b(?:agency|agencies|consult\w*|studio)\b/],
];

/** The industry tag for a free-text industry, or null when none fits. */
export function industryTag(industry: string | null | undefined): IndustryTag | null {
  if (!industry) return null;
  const lower = industry.toLowerCase();
  for (const [tag, pattern] of INDUSTRY_KEYWORDS) {
    if (pattern.test(lower)) return tag;
  }
  return null;
}

/** "moving from teaching to UX research" → "teaching". Null when the line names no earlier field. */
export function goalBackground(goal: string | null | undefined): string | null {
  if (!goal) return null;
  const found = /\bfrom\s+(.+?)(?:\s+(?:to|into|towards?|toward)\s+|[,.;!?]|$)/i.exec(squish(goal));
  const background = found?.[1] ? stripTrailingPunctuation(found[1]).trim() : '';
  if (background === '' || background.split(' ').length > 5) return null;
  return background;
}

// ---------------------------------------------------------------------------------------------
// Choosing a list.

export interface ChooseQuestionsInput {
  role?: string | null;
  industry?: string | null;
  /** The member's about line; a "from X to Y" line brings in questions for career changers. */
  goal?: string | null;
  /** Usually the contact id: the same seed always gives the same list. */
  seed?: string;
  /** 5 to 7, default 6 (including the closing "who else" question). */
  count?: number;
}

const CORE_THEMES: readonly QuestionTheme[] = [
  'breaking_in',
  'typical_day',
  'skills',
  'hiring_inside',
  'wish_known',
];
const EXTRA_THEMES: readonly QuestionTheme[] = ['tradeoffs', 'credentials', 'field_direction', 'pay'];
// With only four slots, one of these core themes makes way (the other two are the heart of the chat).
const DROPPABLE_THEMES: readonly QuestionTheme[] = ['typical_day', 'hiring_inside', 'wish_known'];

/** A prep list: different themes in a natural order, the "who else" question last. Deterministic. */
export function chooseQuestions(input: ChooseQuestionsInput = {}): Question[] {
  const count = clampCount(input.count);
  const seed = input.seed ?? '';
  const family = roleFamily(input.role);
  const industry = industryTag(input.industry);
  const background = goalBackground(input.goal);

  const themes = pickThemes(count - 1, seed, industry, input.goal ?? '');
  const chosen: Question[] = [];
  for (const theme of themes) {
    const question = pickQuestion(theme, seed, family, industry, background);
    if (question) chosen.push(question);
  }
  return [...chosen, CLOSING_QUESTION];
}

function clampCount(count: number | undefined): number {
  if (count === undefined || !Number.isFinite(count)) return QUESTIONS_DEFAULT;
  return Math.min(QUESTIONS_MAX, Math.max(QUESTIONS_MIN, Math.round(count)));
}

function pickThemes(
  slots: number,
  seed: string,
  industry: IndustryTag | null,
  goal: string,
): QuestionTheme[] {
  const extras = rankExtras(seed, industry, goal);
  // A question written for their industry is worth a slot even in a short list.
  const industryTheme = industry ? extras.find((t) => hasIndustryQuestion(t, industry)) : undefined;
  const reserved = industryTheme ? 1 : 0;
  const dropCount = Math.max(0, CORE_THEMES.length + reserved - slots);
  const offset = cycleIndex(stableHash(`${seed}:drop`), DROPPABLE_THEMES.length);
  const dropped = new Set(
    DROPPABLE_THEMES.map((_, i) => DROPPABLE_THEMES[(i + offset) % DROPPABLE_THEMES.length]).slice(
      0,
      dropCount,
    ),
  );
  const themes: QuestionTheme[] = CORE_THEMES.filter((t) => !dropped.has(t));
  for (const theme of extras) {
    if (themes.length >= slots) break;
    themes.push(theme);
  }
  return QUESTION_THEMES.filter((t) => themes.includes(t));
}

function hasIndustryQuestion(theme: QuestionTheme, industry: IndustryTag): boolean {
  return QUESTION_BANK.some((q) => q.theme === theme && q.industries?.includes(industry));
}

// Extra themes in order of usefulness for this person: one with an industry question first, then
// what the member's goal line hints at, then a seeded rotation so different contacts get variety.
function rankExtras(seed: string, industry: IndustryTag | null, goal: string): QuestionTheme[] {
  const lower = goal.toLowerCase();
  const score = (theme: QuestionTheme): number => {
    let s = 0;
    if (industry && hasIndustryQuestion(theme, industry)) s += 4;
    if (theme === 'pay' && /\b(?:salary|salaries|pay|money|earn\w*)\b/.test(lower)) s += 2;
    if (theme === 'credentials' && /\b(?:certificat\w*|degree|bootcamp|course|qualif\w*)\b/.test(lower))
      s += 2;
    return s;
  };
  const offset = cycleIndex(stableHash(`${seed}:extra`), EXTRA_THEMES.length);
  const rotated = EXTRA_THEMES.map((_, i) => EXTRA_THEMES[(i + offset) % EXTRA_THEMES.length]).filter(
    (t): t is QuestionTheme => t !== undefined,
  );
  return rotated
    .map((theme, position) => ({ theme, position, score: score(theme) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((entry) => entry.theme);
}

function pickQuestion(
  theme: QuestionTheme,
  seed: string,
  family: RoleFamily,
  industry: IndustryTag | null,
  background: string | null,
): Question | null {
  const eligible = QUESTION_BANK.filter((q) => {
    if (q.theme !== theme) return false;
    if (q.industries && (!industry || !q.industries.includes(industry))) return false;
    if (q.forChangers && !background) return false;
    return q.roles.includes('any') || q.roles.includes(family);
  });
  if (eligible.length === 0) return null;
  const relevance = (q: Question): number => {
    if (q.industries) return 2;
    if (q.forChangers || !q.roles.includes('any')) return 1;
    return 0;
  };
  const best = Math.max(...eligible.map(relevance));
  const pool = eligible.filter((q) => relevance(q) === best);
  const picked = pool[cycleIndex(stableHash(`${seed}:${theme}`), pool.length)];
  if (!picked) return null;
  return background && picked.forChangers
    ? { ...picked, text: picked.text.replace('{background}', background) }
    : picked;
}

// ---------------------------------------------------------------------------------------------
// Questions a quick search answers.

const SEARCHABLE: { pattern: RegExp; reason: string }[] = [
  {
    pattern:
      /\bwhat\s+(?:does|do)\s+(?:your|the)\s+(?:company|firm|organi[sz]ation|startup|business|agency)\s+do\b/,
    reason: 'Their website answers what the company does.',
  },
  {
    pattern:
      /\bwhat\s+(?:products?|services?)\s+(?:do|does)\s+(?:you|your\s+(?:company|firm)|the\s+company|they)\s+(?:sell|offer|make|provide|have)\b|\bwhat\s+do\s+you\s+(?:sell|make)\b/,
    reason: 'Their products and services are on their website.',
  },
  {
    pattern:
      /\bhow\s+(?:big|large)\s+is\s+(?:your|the)\s+(?:company|firm|organi[sz]ation|business)\b|\bhow\s+many\s+(?:employees|people\s+work\s+(?:at|for|there))\b/,
    reason: 'Company size is on their profile or website.',
  },
  {
    pattern:
      /\bwhere\s+(?:is|are)\s+(?:you|your\s+(?:company|firm|hq|headquarters|offices?)|the\s+(?:company|firm|hq|headquarters))\s+(?:based|headquartered|located)\b|\bwhere\s+(?:is|are)\s+(?:your|the)\s+(?:hq|headquarters|head\s+office)\b/,
    reason: 'Where they are based is on their website or profile.',
  },
  {
    pattern:
      /\bwhen\s+was\s+(?:it|the\s+company|your\s+company|the\s+firm|your\s+firm)\s+(?:founded|started|established|set\s+up)\b|\bwho\s+(?:founded|started)\s+(?:the|your)\s+company\b/,
    reason: 'The company’s history is on its website.',
  },
  {
    pattern: /\bwho\s+(?:is|are)\s+(?:the|your)\s+(?:ceo|founders?|leadership)\b/,
    reason: 'The leadership team is listed on their website.',
  },
  {
    pattern: /\bwho\s+are\s+(?:your|the\s+company's|their)\s+(?:main\s+)?(?:competitors|rivals)\b/,
    reason: 'A quick search shows their competitors.',
  },
  {
    pattern:
      /\bwhat\s+(?:is|are)\s+(?:your|the)\s+(?:company(?:'s)?\s+)?(?:mission|values|mission\s+statement)\b/,
    reason: 'The mission and values are on their website.',
  },
  {
    pattern:
      /\bwhat\s+industry\s+(?:is|are)\s+(?:you|your\s+company|the\s+company)\s+in\b|\b(?:is|are)\s+(?:you|your\s+company|the\s+company)\s+(?:public|publicly\s+traded|listed)\b/,
    reason: 'A quick search answers this.',
  },
  {
    pattern: /\bwhat\s+(?:is|was)\s+your\s+(?:job\s+)?title\b|\bwhat\s+is\s+your\s+role\b\s*\??$/,
    reason: 'Their title is on their profile; ask what the role involves instead.',
  },
];

/** User-added questions whose answers are a quick search away, with why. */
export function flagSearchableQuestions(
  questions: readonly string[],
): { question: string; reason: string }[] {
  const flagged: { question: string; reason: string }[] = [];
  for (const question of questions) {
    const lower = squish(question.replace(/[\u2018\u2019]/g, "'")).toLowerCase();
    const hit = SEARCHABLE.find((entry) => entry.pattern.test(lower));
    if (hit) flagged.push({ question, reason: hit.reason });
  }
  return flagged;
}
