// The question bank and how a prep list is picked from it: 5–7 questions about judgment, trade-offs
// and lived experience, across different themes, drawn from the person's role, industry and path (the
// member's "why them" note) and the member's own background, always ending with "who else should I
// talk to?". Also: the member's own questions that a quick search answers, each with a better one.
import { nlp } from './nlp';
import { cycleIndex, squish, stableHash, straightenQuotes, stripTrailingPunctuation } from './text';

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
  'data_science',
  'product',
  'program',
  'operations',
  'customer_success',
  'content',
  'compliance',
  'marketing',
  'sales',
  'solutions',
  'people',
  'clinical',
  'public_sector',
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

/** A prep list holds 5–7 questions in all, the member's own and the closing one included. */
export const QUESTIONS_MIN = 5;
export const QUESTIONS_MAX = 7;
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
  {
    id: 'to-sales',
    theme: 'tradeoffs',
    roles: ['sales'],
    text: 'How do you balance hitting your number with doing right by a customer who is not a good fit?',
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
    roles: ['data', 'data_science', 'engineering'],
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
    id: 'hi-recent-joiners',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'Thinking of people who joined your team recently, what did their paths have in common?',
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
    id: 'hi-how-it-works',
    theme: 'hiring_inside',
    roles: ANY,
    text: 'How does hiring actually work on your team, from the first conversation to an offer?',
  },
  {
    id: 'hi-design',
    theme: 'hiring_inside',
    roles: ['design'],
    text: 'Which piece of your own portfolio taught you the most to make, and why?',
  },
  {
    id: 'hi-engineering',
    theme: 'hiring_inside',
    roles: ['engineering'],
    text: 'What did your first year on an engineering team teach you that no course did?',
  },
  {
    id: 'hi-data',
    theme: 'hiring_inside',
    roles: ['data', 'data_science', 'product'],
    text: 'Which project early in your career taught you the most about how this work is really done?',
  },
  {
    id: 'hi-people',
    theme: 'hiring_inside',
    roles: ['people'],
    text: 'How has the way your company hires changed since you started, and what drove the change?',
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
  // Program and project management
  {
    id: 'bi-program',
    theme: 'breaking_in',
    roles: ['program'],
    text: 'How did you move into program management, and which earlier work prepared you most for it?',
  },
  {
    id: 'td-program',
    theme: 'typical_day',
    roles: ['program'],
    text: 'How does your week divide between planning, unblocking teams and keeping leaders informed?',
  },
  {
    id: 'sk-program',
    theme: 'skills',
    roles: ['program'],
    text: 'Which habits keep a program on track when several teams depend on one another?',
  },
  {
    id: 'to-program',
    theme: 'tradeoffs',
    roles: ['program'],
    text: "When the deadline, the scope and the quality can't all hold, how do you decide what gives?",
  },

  // Operations
  {
    id: 'bi-operations',
    theme: 'breaking_in',
    roles: ['operations'],
    text: 'What was your first operations role, and what helped you get good at it early on?',
  },
  {
    id: 'td-operations',
    theme: 'typical_day',
    roles: ['operations'],
    text: 'How does a normal week split between the work you planned and the things that break?',
  },
  {
    id: 'sk-operations',
    theme: 'skills',
    roles: ['operations'],
    text: 'Which skills matter most when you change a process that people already rely on?',
  },
  {
    id: 'to-operations',
    theme: 'tradeoffs',
    roles: ['operations'],
    text: 'How do you decide when a process is good enough and when it needs rebuilding?',
  },

  // Customer success
  {
    id: 'bi-customer-success',
    theme: 'breaking_in',
    roles: ['customer_success'],
    text: 'How did you find your way into customer success, and what from your earlier work carried over?',
  },
  {
    id: 'td-customer-success',
    theme: 'typical_day',
    roles: ['customer_success'],
    text: 'How does a typical week split between onboarding, regular check-ins and customers who are unhappy?',
  },
  {
    id: 'sk-customer-success',
    theme: 'skills',
    roles: ['customer_success'],
    text: 'What do the best customer success people do differently when a customer is thinking of leaving?',
  },
  {
    id: 'to-customer-success',
    theme: 'tradeoffs',
    roles: ['customer_success'],
    text: 'How do you balance what a customer asks for with what you think is right for them?',
  },

  // Content
  {
    id: 'bi-content',
    theme: 'breaking_in',
    roles: ['content'],
    text: 'How did you land your first paid writing or content work?',
  },
  {
    id: 'td-content',
    theme: 'typical_day',
    roles: ['content'],
    text: 'How does a piece move from idea to published on your team, and where does it usually get stuck?',
  },
  {
    id: 'sk-content',
    theme: 'skills',
    roles: ['content'],
    text: 'Beyond writing well, which skills matter most in content work today?',
  },
  {
    id: 'to-content',
    theme: 'tradeoffs',
    roles: ['content'],
    text: 'How do you balance writing for search and numbers with writing people enjoy reading?',
  },

  // Compliance, risk and audit
  {
    id: 'bi-compliance',
    theme: 'breaking_in',
    roles: ['compliance'],
    text: 'How did you get into compliance work, and which backgrounds do people on your team come from?',
  },
  {
    id: 'td-compliance',
    theme: 'typical_day',
    roles: ['compliance'],
    text: 'How does your week divide between reviews, advising teams and keeping up with new rules?',
  },
  {
    id: 'sk-compliance',
    theme: 'skills',
    roles: ['compliance'],
    text: 'How did you learn to explain a rule so that people follow it rather than work around it?',
  },
  {
    id: 'to-compliance',
    theme: 'tradeoffs',
    roles: ['compliance'],
    text: 'How do you decide when a risk is acceptable and when the answer has to be no?',
  },

  // Sales and solutions engineering
  {
    id: 'bi-solutions',
    theme: 'breaking_in',
    roles: ['solutions'],
    text: 'How did you move into a technical role that faces customers, and what surprised you about it?',
  },
  {
    id: 'td-solutions',
    theme: 'typical_day',
    roles: ['solutions'],
    text: 'How does your time split between demos, building proofs of concept and working with the sales team?',
  },
  {
    id: 'sk-solutions',
    theme: 'skills',
    roles: ['solutions'],
    text: 'How deep does your technical knowledge need to go, compared with how clearly you explain things?',
  },
  {
    id: 'to-solutions',
    theme: 'tradeoffs',
    roles: ['solutions'],
    text: "What do you do when a customer needs something the product doesn't quite do yet?",
  },

  // Data science and machine learning
  {
    id: 'bi-data-science',
    theme: 'breaking_in',
    roles: ['data_science'],
    text: 'What was the first model or analysis of yours that actually changed a decision?',
  },
  {
    id: 'td-data-science',
    theme: 'typical_day',
    roles: ['data_science'],
    text: 'How much of your week goes to modelling, compared with preparing data and explaining results?',
  },
  {
    id: 'sk-data-science',
    theme: 'skills',
    roles: ['data_science'],
    text: 'How much statistics do you use day to day, and how did you learn the parts you rely on?',
  },
  {
    id: 'to-data-science',
    theme: 'tradeoffs',
    roles: ['data_science'],
    text: "How do you choose between a simple model people understand and a more accurate one they don't?",
  },

  // Clinical roles
  {
    id: 'bi-clinical',
    theme: 'breaking_in',
    roles: ['clinical'],
    text: 'How did your clinical path lead you to the role you have now?',
  },
  {
    id: 'td-clinical',
    theme: 'typical_day',
    roles: ['clinical'],
    text: 'How does your week balance time with patients and everything else your role involves?',
  },
  {
    id: 'sk-clinical',
    theme: 'skills',
    roles: ['clinical'],
    text: 'Which skills from clinical practice matter most in your work, and which did you have to learn anew?',
  },
  {
    id: 'to-clinical',
    theme: 'tradeoffs',
    roles: ['clinical'],
    text: 'How do you weigh what patients need against what time, staffing and the system allow?',
  },

  // Public-sector roles
  {
    id: 'bi-public-sector',
    theme: 'breaking_in',
    roles: ['public_sector'],
    text: 'What drew you to public service, and what did getting your first role involve?',
  },
  {
    id: 'td-public-sector',
    theme: 'typical_day',
    roles: ['public_sector'],
    text: 'What does a normal week look like for you, between policy, people and process?',
  },
  {
    id: 'sk-public-sector',
    theme: 'skills',
    roles: ['public_sector'],
    text: 'Which skills help most when you want to change something in a large public organisation?',
  },
  {
    id: 'to-public-sector',
    theme: 'tradeoffs',
    roles: ['public_sector'],
    text: 'How do you balance moving quickly with the accountability that public work demands?',
  },

  // Written for the person's industry: how they came to it and what an ordinary week holds there.
  {
    id: 'bi-healthcare',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['healthcare'],
    text: 'What did you have to learn about how care is really delivered before your work in healthcare clicked?',
  },
  {
    id: 'bi-education',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['education'],
    text: 'How did you get close enough to teachers and learners to understand what they really need?',
  },
  {
    id: 'bi-finance',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['finance'],
    text: 'What did you have to learn about money and regulation before you felt at home in finance?',
  },
  {
    id: 'bi-nonprofit',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['nonprofit'],
    text: 'How did you find your way into mission-driven work, and what did it ask of you at first?',
  },
  {
    id: 'bi-government',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['government'],
    text: 'How did you come to work in the public sector, and what was the way in like?',
  },
  {
    id: 'bi-agency',
    theme: 'breaking_in',
    roles: ANY,
    industries: ['agency'],
    text: 'What did your first year of client work teach you that nothing else could have?',
  },
  {
    id: 'td-healthcare',
    theme: 'typical_day',
    roles: ANY,
    industries: ['healthcare'],
    text: 'How much of your week involves clinicians or patients, and how do their needs shape your work?',
  },
  {
    id: 'td-education',
    theme: 'typical_day',
    roles: ANY,
    industries: ['education'],
    text: 'How often do you hear from teachers or students, and how does it change what you work on?',
  },
  {
    id: 'td-finance',
    theme: 'typical_day',
    roles: ANY,
    industries: ['finance'],
    text: 'How much of your week goes to reviews and sign-offs, and how do you keep work moving?',
  },
  {
    id: 'td-agency',
    theme: 'typical_day',
    roles: ANY,
    industries: ['agency'],
    text: 'How do you juggle several clients in one week without anything slipping?',
  },
  {
    id: 'to-healthcare',
    theme: 'tradeoffs',
    roles: ANY,
    industries: ['healthcare'],
    text: 'How does your team weigh patient safety against the pressure to move quickly?',
  },
  {
    id: 'to-education',
    theme: 'tradeoffs',
    roles: ANY,
    industries: ['education'],
    text: 'How do you balance what learners need with what schools or parents will pay for?',
  },
];

// ---------------------------------------------------------------------------------------------
// Classifying roles and industries.

// Checked in order: "product designer" is design, "product marketing manager" is marketing, "sales
// engineer" is solutions, "technical program manager" is program, "data engineer" is data and
// "machine learning engineer" data science.
const ROLE_FAMILY_KEYWORDS: [RoleFamily, RegExp][] = [
  ['people', /\b(?:recruit\w*|talent|hr|human resources|people (?:ops|operations|partner|team)|sourcer)\b/],
  [
    'solutions',
    /\b(?:sales engineer\w*|solutions? (?:engineer\w*|architect\w*|consultant\w*)|pre-?sales|se|field engineer\w*)\b/,
  ],
  [
    'program',
    /\b(?:program(?:me)? manag\w*|project manag\w*|tpm|pmo|scrum master|delivery manag\w*|program lead|project lead|project coordinator)\b/,
  ],
  [
    'customer_success',
    /\b(?:customer (?:success|experience|support|care)|client success|csm|support (?:specialist|engineer|lead|manager)|onboarding|implementation)\b/,
  ],
  ['compliance', /\b(?:compliance|regulatory|risk|audit\w*|aml|kyc|privacy|governance|controls)\b/],
  ['design', /\b(?:design\w*|ux|ui|user research\w*|ux research\w*|interaction|visual)\b/],
  [
    'clinical',
    /\b(?:clinical|clinician|nurs\w*|physician|doctor|therapist|pharmacist|paramedic|midwife|care coordinator|patient)\b/,
  ],
  [
    'public_sector',
    /\b(?:policy|civil servant|public (?:servant|sector|affairs|service|health)|caseworker|case worker|planner|legislative|government|municipal|city)\b/,
  ],
  [
    'data_science',
    /\b(?:data scien\w*|scientist|machine learning|ml|ai|applied scien\w*|research scien\w*|statistician)\b/,
  ],
  ['data', /\b(?:data|analyst|analytics|bi|business intelligence|statistic\w*)\b/],
  [
    'content',
    /\b(?:content|writer|copywriter|editor|editorial|journalist|technical writ\w*|documentation)\b/,
  ],
  ['marketing', /\b(?:marketing|marketer|growth|seo|brand|social media|communications|comms|pr)\b/],
  [
    'operations',
    /\b(?:operations|ops|supply chain|logistics|fulfil?ment|procurement|revops|bizops|office manager)\b/,
  ],
  ['sales', /\b(?:sales|account (?:executive|manager)|business development|bdr|sdr|partnerships)\b/],
  ['product', /\b(?:product|pm|product owner)\b/],
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

// ---------------------------------------------------------------------------------------------
// Paths: where the person came from (the member's "why them" note) and where the member comes from
// (their "About you").

const NOT_A_FIELD = /^(?:scratch|zero|nothing|the (?:ground up|start|beginning)|home|day one)\b/i;
const CLAUSE_BREAK = /[,;:.!?()]|\s(?:and then|but|while|where|when|who|which|because|after|before|so)\s/i;

/**
 * A short noun phrase for a field, cleaned with compromise: no dates or durations ("two years ago",
 * "in 2019"), no company ("at Intuit"), no pronouns, five words at most. Null when it is not one.
 */
function fieldPhrase(raw: string): string | null {
  let text = squish(raw.split(CLAUSE_BREAK)[0]?.split(/\s+and\s+/i)[0] ?? '');
  text = text.replace(/\s+(?:at|with|for)\s+.*$/i, '');
  const terms = nlp()(text).terms().json() as { text: string; terms: { tags: string[] }[] }[];
  const cut = terms.findIndex(
    (t, i) => i > 0 && t.terms[0]?.tags.some((tag) => ['Date', 'Duration', 'Value'].includes(tag)),
  );
  let kept = cut > 0 ? terms.slice(0, cut) : terms;
  // Nothing left hanging: "running launches across (five teams)" ends at "launches".
  const dangling = ['Preposition', 'Determiner', 'Conjunction', 'Adverb'];
  while (kept.length > 1 && kept.at(-1)?.terms[0]?.tags.some((tag) => dangling.includes(tag))) {
    kept = kept.slice(0, -1);
  }
  text = stripTrailingPunctuation(kept.map((t) => t.text).join(' ')).trim();
  if (text === '' || NOT_A_FIELD.test(text)) return null;
  if (/\b(?:i|me|my|mine|you|your|like)\b/i.test(text)) return null;
  if (text.split(' ').length > 5) return null;
  if (nlp()(text).has('#Pronoun')) return null;
  return text;
}

export interface CareerPath {
  /** The field they left: "teaching", "Army logistics". */
  from: string;
  /** Where they went, when the note says: "UX research". */
  to: string | null;
}

/** "She moved from teaching into UX research two years ago." → from "teaching", to "UX research". */
export function careerPath(note: string | null | undefined): CareerPath | null {
  if (!note) return null;
  for (const sentence of nlp()(squish(straightenQuotes(note)))
    .sentences()
    .out('array') as string[]) {
    // The path is told within one clause: "from X to Y", not "from X, … trying to Y".
    const after = /\bfrom\s+(.+)$/i.exec(sentence)?.[1]?.split(CLAUSE_BREAK)[0] ?? '';
    const found = /^(.+?)(?:\s+(?:to|into|towards?)\s+(.+))?$/i.exec(after);
    if (!found?.[1]) continue;
    const from = fieldPhrase(found[1]);
    if (!from) continue;
    const to = found[2] ? fieldPhrase(found[2]) : null;
    return { from, to: to && to.toLowerCase() !== from.toLowerCase() ? to : null };
  }
  return null;
}

/** The question about the person's own path, when their note tells it; it opens the list. */
export function pathQuestion(path: CareerPath): Question {
  const text = path.to
    ? `What made you move from ${path.from} into ${path.to}, and which habits from that time still help you?`
    : `What made you move on from ${path.from}, and which habits from that time still help you?`;
  return { id: 'path', theme: 'breaking_in', roles: ANY, text };
}

/**
 * The member's earlier field from their "About you", worded to follow "Coming from …" and "Which
 * skills from … ": "moving from teaching to UX research" → "teaching"; "I manage a retail store and
 * I'm moving into customer success" → "managing a retail store"; "I was a nurse for eight years" →
 * "my work as a nurse". Null when the line names no earlier field.
 */
export function goalBackground(goal: string | null | undefined): string | null {
  if (!goal) return null;
  const line = squish(straightenQuotes(goal));
  const from = /\bfrom\s+(.+?)(?:\s+(?:to|into|towards?|toward)\s+|[,.;!?]|$)/i.exec(line);
  if (from?.[1]) {
    const background = stripTrailingPunctuation(from[1]).trim();
    return background === '' || background.split(' ').length > 5 ? null : background;
  }
  const first = squish(line.split(CLAUSE_BREAK)[0]?.split(/\s+and\s+/i)[0] ?? '');
  const doc = nlp()(first);
  const role = doc
    .match('(as|am|was|been) (a|an) [#Adjective? #Noun+]', 0)
    .text()
    .replace(/\s+\w+ing\b.*$/i, '');
  if (role) {
    const phrase = fieldPhrase(role);
    if (phrase) return `my work as ${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
  }
  // "I manage a retail store" / "I ran kitchens": the member's own work, as a gerund.
  const said = /^i\s+(\w+)\s+(.+)$/i.exec(first);
  if (
    said?.[1] &&
    said[2] &&
    doc.has('^i (#PresentTense|#PastTense) .') &&
    !doc.has('^i (#Copula|#Modal|#Auxiliary)')
  ) {
    // Only the verb is turned ("ran" → "running"); the student's other words stay as typed.
    const gerund = nlp()(`I ${said[1]} it`)
      .verbs()
      .toGerund()
      .text()
      .replace(/^(?:i\s+)?(?:am|was|is)\s+/i, '')
      .replace(/\s+it$/i, '');
    const work = /^\w+ing$/i.test(gerund) ? fieldPhrase(`${gerund} ${said[2]}`) : null;
    if (work && !/^(?:moving|switching|changing|trying|hoping|looking|wanting)\b/i.test(work)) return work;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Choosing a list.

export interface ChooseQuestionsInput {
  role?: string | null;
  industry?: string | null;
  /** The member's "why them" note about the person; a "from X to Y" path opens the list. */
  why?: string | null;
  /** The member's about line; an earlier field brings in a question for career changers. */
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
// With fewer slots, these core themes make way (how they broke in, a typical day and the skills are
// the heart of the chat).
const DROPPABLE_THEMES: readonly QuestionTheme[] = ['hiring_inside', 'wish_known'];

// Which kind of question each theme prefers: how they broke in is told best by their own path, then
// their industry; a typical day and the skills by their kind of role (or, for skills, what carries
// over from the member's background).
type Kind = 'industry' | 'role' | 'changer';
const PREFERENCE: Record<QuestionTheme, readonly Kind[]> = {
  breaking_in: ['industry', 'role', 'changer'],
  typical_day: ['role', 'industry'],
  skills: ['changer', 'role'],
  tradeoffs: ['industry', 'role'],
  credentials: ['industry', 'role'],
  hiring_inside: ['role'],
  field_direction: ['industry', 'role'],
  pay: [],
  wish_known: [],
  who_else: [],
};

/** A prep list: different themes in a natural order, the "who else" question last. Deterministic. */
export function chooseQuestions(input: ChooseQuestionsInput = {}): Question[] {
  const count = clampCount(input.count);
  const seed = input.seed ?? '';
  const family = roleFamily(input.role);
  const industry = industryTag(input.industry);
  const background = goalBackground(input.goal);
  const path = careerPath(input.why);

  const themes = pickThemes(count - 1, seed, industry, input.goal ?? '');
  const chosen: Question[] = [];
  let changerUsed = false;
  for (const theme of themes) {
    if (theme === 'breaking_in' && path) {
      chosen.push(pathQuestion(path));
      continue;
    }
    const question = pickQuestion(theme, seed, family, industry, changerUsed ? null : background);
    if (!question) continue;
    if (question.forChangers) changerUsed = true;
    chosen.push(question);
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
  // How they broke in and a typical day are core themes: only the extras count here.
  return (
    EXTRA_THEMES.includes(theme) &&
    QUESTION_BANK.some((q) => q.theme === theme && q.industries?.includes(industry))
  );
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

function kindOf(q: Question): Kind | 'generic' {
  if (q.industries) return 'industry';
  if (q.forChangers) return 'changer';
  return q.roles.includes('any') ? 'generic' : 'role';
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
  const preferred = PREFERENCE[theme];
  const rank = (q: Question): number => {
    const at = preferred.indexOf(kindOf(q) as Kind);
    return at < 0 ? preferred.length : at;
  };
  const best = Math.min(...eligible.map(rank));
  const pool = eligible.filter((q) => rank(q) === best);
  const picked = pool[cycleIndex(stableHash(`${seed}:${theme}`), pool.length)];
  if (!picked) return null;
  return background && picked.forChangers
    ? { ...picked, text: picked.text.replace('{background}', background) }
    : picked;
}

/** Whether a list of this many questions (own and closing included) keeps to 5–7, and if not, by how much. */
export function listSizeProblem(total: number): { untick: number } | { add: number } | null {
  if (total > QUESTIONS_MAX) return { untick: total - QUESTIONS_MAX };
  if (total < QUESTIONS_MIN) return { add: QUESTIONS_MIN - total };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Questions a quick search answers, each with a question only the person can answer.

interface Searchable {
  /** compromise match patterns; any one matching flags the question. */
  patterns: readonly string[];
  reason: string;
  /** A better question; {org} is the company the question names, or "your company". */
  better: (org: string, possessive: string) => string;
}

const COMPANY_WORD = '(company|firm|organisation|organization|startup|business|agency|employer)';
// compromise does not nest alternatives, so each pattern with {S} is tried once per kind of subject.
const SUBJECTS = ['#ProperNoun+', `(your|the) ${COMPANY_WORD}`, '(it|they)'];
const SUBJECT = '{S}';
const expand = (pattern: string): string[] =>
  pattern.includes(SUBJECT) ? SUBJECTS.map((s) => pattern.replaceAll(SUBJECT, s)) : [pattern];

const SEARCHABLE: readonly Searchable[] = [
  {
    patterns: [`what (does|do) ${SUBJECT} (do|make|sell|offer)`, `what do you (sell|make)`],
    reason: 'Their website says what the company does.',
    better: (org) => `What surprised you about how ${org} works from the inside?`,
  },
  {
    patterns: [
      `what (products|product|services|service) (does|do) ${SUBJECT}? (sell|offer|make|provide|have)`,
      `what (products|product|services|service) (does|do) you (sell|offer|make|provide|have)`,
    ],
    reason: 'Their products and services are on their website.',
    better: (org) => `Which part of what ${org} offers do you work closest to, and what makes it hard?`,
  },
  {
    patterns: [
      `how (big|large) is ${SUBJECT}`,
      'how many (employees|staff|workers)',
      'how many people work (at|for|there|in)',
      `how many people does ${SUBJECT} (employ|have)`,
    ],
    reason: 'Company size is on their profile or website.',
    better: (_org, possessive) => `How does ${possessive} size shape the way your team works day to day?`,
  },
  {
    patterns: [
      'where (is|are) you (based|headquartered|located)',
      'where (is|are) (your|the) (office|offices|hq|headquarters|head office)',
      `where (is|are) ${SUBJECT} (based|headquartered|located)`,
    ],
    reason: 'Where they are based is on their website or profile.',
    better: () => 'How does your team make working together easy, in the office or apart?',
  },
  {
    patterns: [
      `when (was|did) ${SUBJECT} (founded|started|established|set up|found|start|launch|launched)`,
      `who (founded|started) ${SUBJECT}`,
      `how old is ${SUBJECT}`,
    ],
    reason: 'The company’s history is on its website.',
    better: (org) => `How has ${org} changed since you joined, and what has that meant for your work?`,
  },
  {
    patterns: [
      'who (is|are) (the|your) (ceo|founder|founders|leadership|leaders)',
      `who (is|are) ${SUBJECT} (ceo|founder|founders|leadership|leaders)`,
      'who runs',
    ],
    reason: 'The leadership team is listed on their website.',
    better: () => 'How do decisions from the leadership reach the work your team does each week?',
  },
  {
    patterns: [
      'who (are|is) (your|the|their) (main|biggest)? (competitors|competitor|rivals|rival)',
      `who (are|is) ${SUBJECT} (main|biggest)? (competitors|competitor|rivals|rival)`,
    ],
    reason: 'A quick search shows their competitors.',
    better: (org) => `From the inside, what do you think ${org} does differently from others in its field?`,
  },
  {
    patterns: [
      'what (is|are) (your|the|their) (company)? (mission|values|mission statement)',
      `what (is|are) ${SUBJECT} (mission|values|mission statement)`,
    ],
    reason: 'The mission and values are on their website.',
    better: (_org, possessive) =>
      `Where do you see ${possessive} mission show up in the decisions your team makes?`,
  },
  {
    patterns: [`what industry (is|are) (you|${SUBJECT}) in`, `(is|are) ${SUBJECT} (public|publicly|listed)`],
    reason: 'A quick search answers this.',
    better: (_org, possessive) => `How does ${possessive} market shape the work on your team?`,
  },
  {
    patterns: ['what (is|was) your (job)? title', 'what is your (role|position)$'],
    reason: 'Their title is on their profile.',
    better: () => 'What does your role involve that its title doesn’t show?',
  },
];

export interface SearchableFlag {
  question: string;
  /** Why a quick search answers it. */
  reason: string;
  /** A question only the person can answer, to ask in its place. */
  better: string;
}

/**
 * The member's own questions whose answers are a quick search away, each with why and a better one to
 * ask in its place. `company` names the person's company in the better question when the question
 * names none.
 */
export function flagSearchableQuestions(
  questions: readonly string[],
  opts: { company?: string | null } = {},
): SearchableFlag[] {
  const flagged: SearchableFlag[] = [];
  for (const question of questions) {
    const doc = nlp()(squish(straightenQuotes(question)).replace(/[?!.]+$/, ''));
    const hit = SEARCHABLE.find((entry) => entry.patterns.some((p) => expand(p).some((one) => doc.has(one))));
    if (!hit) continue;
    const named = doc
      .match('#ProperNoun+')
      .not('(ceo|hq|i)')
      .out('array')
      .map((t: string) => stripTrailingPunctuation(t.replace(/['’]s$/, '')))
      .find((t: string) => t !== '' && !/^(?:what|where|when|who|how|is|are)$/i.test(t));
    const org = named ?? opts.company?.trim() ?? '';
    const better = org ? hit.better(org, possessiveOf(org)) : hit.better('your company', 'your company’s');
    flagged.push({ question, reason: hit.reason, better });
  }
  return flagged;
}

function possessiveOf(org: string): string {
  return /s$/i.test(org) ? `${org}’` : `${org}’s`;
}
