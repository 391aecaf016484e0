// Students, the people they want to learn from, and what they wrote about them, in the many forms
// people really type: third person, first person, fragments, already "you", a question, long notes.
// The coaching-quality suite drafts every text for each persona and reads it as the recipient would.

export interface PersonaStudent {
  /** Slack's real name, which drafts sign with. */
  realName: string;
  /** Slack's display name (a handle); never the signature when a real name exists. */
  displayName: string;
  /** The "About you" line, as typed. */
  about: string;
}

export interface PersonaContact {
  /** As the student typed it. */
  name: string;
  role: string;
  company: string;
  industry: string;
  /** Why them, as typed: any person, any form. */
  why: string;
}

export interface PersonaReferral {
  /** The line as the student pasted it into "Who did they suggest?". */
  line: string;
  name: string;
  role: string | null;
  company: string | null;
  /** Names a greeting to this person may use. */
  greetings: string[];
}

export interface Persona {
  id: string;
  student: PersonaStudent;
  contact: PersonaContact;
  /** Names a greeting to the contact may use ("Dr. Khan" or "Aisha" for "Dr. Aisha Khan"). */
  greetings: string[];
  /** What the student learned, as typed after the chat. */
  learned: string;
  /** The one thing they will do. */
  action: string;
  referrals: PersonaReferral[];
  minutes: 20 | 25 | 30 | 45;
  /** The family of the contact's role, for the tailoring checks. */
  family: string;
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'teacher-to-ux',
    student: { realName: 'Lena Ortiz', displayName: 'lena.o', about: 'moving from teaching to UX research' },
    contact: {
      name: 'Dr. Aisha Khan',
      role: 'UX Research Lead',
      company: 'Khan Academy',
      industry: 'edtech',
      why: 'She ran diary studies with teachers before anyone else at Khan Academy did, and she still writes about them.',
    },
    greetings: ['Dr. Khan', 'Aisha'],
    learned:
      'Diary studies with teachers taught her more than any survey; a portfolio case study matters more than a certificate',
    action: 'Write up my classroom observation project as a case study',
    referrals: [
      {
        line: 'Sam Whitaker — Research Ops, Duolingo',
        name: 'Sam Whitaker',
        role: 'Research Ops',
        company: 'Duolingo',
        greetings: ['Sam'],
      },
    ],
    minutes: 20,
    family: 'design',
  },
  {
    id: 'cafe-to-backend',
    student: {
      realName: 'Tomás Rivera',
      displayName: 'tomas',
      about: "I'm a barista learning backend development",
    },
    contact: {
      name: 'Jim Park Jr.',
      role: 'Backend Engineer',
      company: 'Shopify',
      industry: 'e-commerce',
      why: 'he taught himself to code while managing a café and now builds checkout services at Shopify',
    },
    greetings: ['Jim', 'Mr. Park'],
    learned:
      'He said code review taught him more than any course, and that small pull requests get merged faster.',
    action: 'open one small pull request on an open-source project each week',
    referrals: [],
    minutes: 25,
    family: 'engineering',
  },
  {
    id: 'audit-to-data',
    student: { realName: 'Grace Okafor', displayName: 'gracie', about: 'career changer from finance' },
    contact: {
      name: 'Siobhán O’Neill',
      role: 'Data Scientist',
      company: 'Intuit',
      industry: 'fintech',
      why: 'Her switch from audit to building forecasting dashboards at Intuit.',
    },
    greetings: ['Siobhán'],
    learned: 'She uses SQL every day but statistics only when a model goes wrong',
    action: 'Finish the SQL window-functions course',
    referrals: [
      {
        line: 'Dev Patel (Analytics Engineer at Stripe)',
        name: 'Dev Patel',
        role: 'Analytics Engineer',
        company: 'Stripe',
        greetings: ['Dev'],
      },
    ],
    minutes: 30,
    family: 'data',
  },
  {
    id: 'army-to-tpm',
    student: {
      realName: 'Marcus Bell',
      displayName: 'mbell',
      about: 'Army logistics veteran moving into tech',
    },
    contact: {
      name: 'Kofi Mensah',
      role: 'Technical Program Manager',
      company: 'Microsoft',
      industry: 'software',
      why: 'I admire how he went from Army logistics to running launches across five engineering teams.',
    },
    greetings: ['Kofi'],
    learned:
      'TPMs own the schedule and the risks, not the product decisions; his logistics habits carried over.',
    action: 'rewrite my resume bullets around risks I managed',
    referrals: [],
    minutes: 20,
    family: 'program',
  },
  {
    id: 'retail-to-cs',
    student: {
      realName: 'Priya Natarajan',
      displayName: 'priya.n',
      about: "I manage a retail store and I'm moving into customer success",
    },
    contact: {
      name: 'María de la Cruz',
      role: 'Customer Success Manager',
      company: 'HubSpot',
      industry: 'software',
      why: 'She moved from store management into customer success and now leads onboarding for small businesses.',
    },
    greetings: ['María'],
    learned: 'Renewals are won in the first ninety days, so onboarding is where she spends most of her time',
    action: 'Map the first ninety days of a customer at my store',
    referrals: [
      {
        line: 'Sam Whitaker — Onboarding Lead, Zendesk',
        name: 'Sam Whitaker',
        role: 'Onboarding Lead',
        company: 'Zendesk',
        greetings: ['Sam'],
      },
      { line: 'Prince', name: 'Prince', role: null, company: null, greetings: ['Prince'] },
    ],
    minutes: 25,
    family: 'customer-success',
  },
  {
    id: 'nurse-to-informatics',
    student: {
      realName: 'Hannah Schmidt',
      displayName: 'hannah',
      about: 'Former nurse, learning data analytics',
    },
    contact: {
      name: 'Ludwig van Beethoven',
      role: 'Clinical Informatics Nurse',
      company: 'Mayo Clinic',
      industry: 'healthcare',
      why: 'was a bedside nurse for twelve years before moving into informatics',
    },
    greetings: ['Ludwig'],
    learned: 'Nurses who can speak to both the clinicians and the EHR team are rare and valued',
    action: 'take the Epic fundamentals course',
    referrals: [],
    minutes: 20,
    family: 'clinical',
  },
  {
    id: 'chef-to-ops',
    student: {
      realName: 'Diego Alvarez',
      displayName: 'chefdiego',
      about: 'I ran restaurant kitchens and want to move into operations',
    },
    contact: {
      name: 'Prince',
      role: 'Operations Manager',
      company: 'DoorDash',
      industry: 'logistics',
      why: 'ran kitchens for ten years before moving into operations',
    },
    greetings: ['Prince'],
    learned: 'Ops is mostly about writing down what everyone already does and then making it boring',
    action: 'Document the closing checklist from my last kitchen as a process map',
    referrals: [],
    minutes: 30,
    family: 'operations',
  },
  {
    id: 'sped-to-content',
    student: {
      realName: 'Aiyana Redcloud',
      displayName: 'aiyana',
      about: 'Special-education teacher exploring content strategy',
    },
    contact: {
      name: 'Robert (Bob) Chen',
      role: 'Content Strategist',
      company: 'Duolingo',
      industry: 'edtech',
      why: 'was a special-education teacher and now writes the lesson tips millions read',
    },
    greetings: ['Bob', 'Robert'],
    learned: 'Plain language and testing copy with real learners matter more than clever headlines',
    action: 'rewrite three of my classroom handouts in plain language',
    referrals: [],
    minutes: 20,
    family: 'content',
  },
  {
    id: 'bank-to-compliance',
    student: { realName: 'Wei Zhang', displayName: 'wz', about: 'bank teller moving into compliance' },
    contact: {
      name: 'Olga Petrova',
      role: 'Compliance Analyst',
      company: 'Chime',
      industry: 'fintech',
      why: 'You moved from a branch job into compliance, which is exactly the step I want to take.',
    },
    greetings: ['Olga'],
    learned: 'Most of the job is reading new rules and explaining them to product teams in plain words',
    action: 'Read the CFPB overdraft rule and summarise it in one page',
    referrals: [
      {
        line: 'Dr. Aisha Khan (Clinical UX, Mayo Clinic)',
        name: 'Dr. Aisha Khan',
        role: 'Clinical UX',
        company: 'Mayo Clinic',
        greetings: ['Dr. Khan', 'Aisha'],
      },
    ],
    minutes: 25,
    family: 'compliance',
  },
  {
    id: 'it-to-solutions',
    student: {
      realName: 'Kenji Watanabe',
      displayName: 'kenji.w',
      about: 'I work in IT support and want to become a solutions engineer',
    },
    contact: {
      name: 'Fatima Al-Sayed',
      role: 'Solutions Engineer',
      company: 'Twilio',
      industry: 'software',
      why: 'How did she go from help desk to leading demos for enterprise customers?',
    },
    greetings: ['Fatima'],
    learned: 'A good demo tells the customer’s story, not the product’s feature list',
    action: 'build a five-minute demo of my home-lab project',
    referrals: [],
    minutes: 20,
    family: 'sales',
  },
  {
    id: 'policy-analyst',
    student: {
      realName: 'Amara Nwosu',
      displayName: 'amara',
      about: 'moving from nonprofit fundraising to public policy',
    },
    contact: {
      name: 'Jonathan Reyes-Smith',
      role: 'Policy Analyst',
      company: 'City of Chicago',
      industry: 'government',
      why: 'They moved from a housing nonprofit into the city’s policy office and they still work with the same neighborhoods.',
    },
    greetings: ['Jonathan'],
    learned: 'Memos are short, decisions are slow, and relationships with council staff matter most',
    action: 'Write a two-page memo on one housing ordinance',
    referrals: [],
    minutes: 30,
    family: 'policy',
  },
  {
    id: 'pm-edtech',
    student: {
      realName: 'Sofia Rossi',
      displayName: 'sofiar',
      about: 'Project coordinator, hoping to become a product manager',
    },
    contact: {
      name: 'Liam O’Connor',
      role: 'Product Manager',
      company: 'Coursera',
      industry: 'edtech',
      why: 'His talk about shipping the Coursera mobile app with a team of four at Coursera',
    },
    greetings: ['Liam'],
    learned: 'He writes one-page briefs before any roadmap and says no to most feature requests',
    action: 'write a one-page brief for a feature I would cut',
    referrals: [],
    minutes: 20,
    family: 'product',
  },
  {
    id: 'sales-saas',
    student: {
      realName: 'Ahmed Hassan',
      displayName: 'ahmed',
      about: "I'm a car salesman switching to tech sales",
    },
    contact: {
      name: 'Beyoncé Knowles-Carter',
      role: 'Account Executive',
      company: 'Salesforce',
      industry: 'software',
      why: 'She sold cars for six years and is now one of the top account executives at Salesforce.',
    },
    greetings: ['Beyoncé'],
    learned: 'Discovery calls matter more than closing lines; she listens for the problem first',
    action: 'Practise three discovery calls with a friend',
    referrals: [],
    minutes: 20,
    family: 'sales',
  },
  {
    id: 'long-notes-ux',
    student: {
      realName: 'Noor Abbasi',
      displayName: 'noor',
      about: 'Graphic designer moving into UX design',
    },
    contact: {
      name: 'Chloé Dubois',
      role: 'Senior Product Designer',
      company: 'Doctolib',
      industry: 'healthcare',
      why: 'She has designed booking flows for patients and doctors for six years, she writes openly about accessibility in healthcare apps, she mentored designers from agencies like mine, and she was a print designer before, which is exactly the move I am trying to make right now.',
    },
    greetings: ['Chloé'],
    learned:
      'She said accessibility reviews with real patients changed her designs more than any guideline, that print designers already know hierarchy and type better than most, and that a case study should show the messy middle of the work rather than only the polished screens at the end, because hiring managers want to see how you think when things are unclear and the',
    action: 'Add the messy middle to my clinic booking case study',
    referrals: [],
    minutes: 25,
    family: 'design',
  },
  {
    id: 'they-them',
    student: {
      realName: 'Riley Thompson',
      displayName: 'riley',
      about: 'Retail manager learning data analytics',
    },
    contact: {
      name: 'Alex Kim (they/them)',
      role: 'Data Analyst',
      company: 'Target',
      industry: 'retail',
      why: 'They built the store-level sales dashboards at Target and they taught themselves SQL on the job.',
    },
    greetings: ['Alex'],
    learned: 'They said stakeholders trust a simple chart they understand over a clever model they do not',
    action: 'build a simple sales dashboard from my store data',
    referrals: [],
    minutes: 20,
    family: 'data',
  },
  {
    id: 'first-person-eng',
    student: {
      realName: 'Yusuf Demir',
      displayName: 'yusufd',
      about: 'moving from mechanical engineering into software',
    },
    contact: {
      name: 'Ana-Lucía Gómez',
      role: 'Site Reliability Engineer',
      company: 'Epic Systems',
      industry: 'healthcare',
      why: 'I loved her post about on-call for hospital systems.',
    },
    greetings: ['Ana-Lucía'],
    learned: 'Hospitals never go offline, so she plans every change around the night shift',
    action: 'Set up alerts on my side project',
    referrals: [],
    minutes: 30,
    family: 'engineering',
  },
  {
    id: 'gov-tpm-45',
    student: {
      realName: 'Elena Popescu',
      displayName: 'elena',
      about: 'event planner moving into program management',
    },
    contact: {
      name: 'Marcus Johnson III',
      role: 'Senior Program Manager',
      company: 'US Digital Service',
      industry: 'government',
      why: 'He planned conferences for ten years and now runs programs at the US Digital Service.',
    },
    greetings: ['Marcus'],
    learned: 'Government programs run on trust and paperwork; he keeps a decision log for every project',
    action: 'Start a decision log for my current event',
    referrals: [],
    minutes: 45,
    family: 'program',
  },
  {
    id: 'ops-healthcare',
    student: {
      realName: 'Zanele Dlamini',
      displayName: 'zanele',
      about: 'Hotel front-desk supervisor, moving toward operations',
    },
    contact: {
      name: 'Dr. Samuel Adeyemi',
      role: 'Operations Manager',
      company: 'One Medical',
      industry: 'healthcare',
      why: 'his path from hospitality to running clinic operations at One Medical',
    },
    greetings: ['Dr. Adeyemi', 'Samuel'],
    learned:
      'Clinic ops is scheduling, staffing and patient flow, and hospitality instincts help with all three',
    action: 'Learn the basics of Lean for healthcare',
    referrals: [
      {
        line: 'Nia Brown - Practice Manager, Kaiser Permanente',
        name: 'Nia Brown',
        role: 'Practice Manager',
        company: 'Kaiser Permanente',
        greetings: ['Nia'],
      },
    ],
    minutes: 20,
    family: 'operations',
  },
  {
    id: 'cs-fintech',
    student: {
      realName: 'Lucas Martin',
      displayName: 'lucas',
      about: 'call-center agent moving into customer success',
    },
    contact: {
      name: 'Ngozi Eze',
      role: 'Customer Success Lead',
      company: 'Stripe',
      industry: 'fintech',
      why: 'Ngozi started in Stripe’s support queue and now leads customer success for Stripe’s largest accounts.',
    },
    greetings: ['Ngozi'],
    learned: 'Support teaches you the product better than anyone; the leap is learning to talk about value',
    action: 'Write a value summary for one account I support',
    referrals: [],
    minutes: 25,
    family: 'customer-success',
  },
  {
    id: 'content-health',
    student: {
      realName: 'Isabel Fernández',
      displayName: 'isa',
      about: 'journalist hoping to become a content strategist',
    },
    contact: {
      name: 'Mary-Kate Flynn',
      role: 'Senior Content Strategist',
      company: 'NHS Digital',
      industry: 'healthcare',
      why: 'You left newspapers for health content and now lead the team that rewrote the NHS symptom pages.',
    },
    greetings: ['Mary-Kate'],
    learned: 'User research decides the words, not the writer; she tests every page with patients',
    action: 'Test one of my articles with five readers',
    referrals: [],
    minutes: 20,
    family: 'content',
  },
  {
    id: 'compliance-health',
    student: {
      realName: 'Omar Farouk',
      displayName: 'omarf',
      about: 'paralegal, interested in healthcare compliance',
    },
    contact: {
      name: 'Rebecca Stein, JD',
      role: 'Compliance Manager',
      company: 'CVS Health',
      industry: 'healthcare',
      why: 'paralegal turned compliance manager; writes the HIPAA training everyone at CVS Health takes',
    },
    greetings: ['Rebecca', 'Ms. Stein'],
    learned: 'Privacy rules are learned by doing audits, not by reading them',
    action: 'Take the HIPAA privacy officer certificate',
    referrals: [],
    minutes: 30,
    family: 'compliance',
  },
  {
    id: 'ds-retail',
    student: {
      realName: 'Mei Lin',
      displayName: 'meilin',
      about: 'I was a lab technician and now I am studying data science',
    },
    contact: {
      name: 'Rajesh Kumar',
      role: 'Senior Data Scientist',
      company: 'Walmart',
      industry: 'retail',
      why: 'He has a chemistry PhD and builds demand forecasts for Walmart; he has spoken about leaving the lab.',
    },
    greetings: ['Rajesh'],
    learned: 'Lab rigor transfers, but he had to learn to ship a good-enough model fast',
    action: 'ship a forecasting notebook in one week',
    referrals: [
      {
        line: 'Hye-jin Park, ML Engineer, Instacart',
        name: 'Hye-jin Park',
        role: 'ML Engineer',
        company: 'Instacart',
        greetings: ['Hye-jin'],
      },
    ],
    minutes: 20,
    family: 'data',
  },
  {
    id: 'sales-eng-gov',
    student: {
      realName: 'Brianna Scott',
      displayName: 'bri',
      about: 'Career changer from teaching high-school chemistry',
    },
    contact: {
      name: 'Hiroshi Tanaka',
      role: 'Sales Engineer',
      company: 'Palantir',
      industry: 'government',
      why: 'Why does someone move from classroom teaching to sales engineering for government clients? He did.',
    },
    greetings: ['Hiroshi'],
    learned: 'Teaching is explaining under pressure, and that is most of a sales engineer’s day',
    action: 'Record a ten-minute explainer of a technical topic',
    referrals: [],
    minutes: 25,
    family: 'sales',
  },
  {
    id: 'backend-edu',
    student: {
      realName: 'Jordan Lee',
      displayName: 'jlee',
      about: 'Librarian turned aspiring backend developer',
    },
    contact: {
      name: 'Ifeoma Chukwu',
      role: 'Staff Backend Engineer',
      company: 'Canvas by Instructure',
      industry: 'education',
      why: 'She scaled the grading service at Instructure and she mentors bootcamp grads.',
    },
    greetings: ['Ifeoma'],
    learned:
      'Read other people’s code before writing your own; she reviews two pull requests before starting her day',
    action: 'review one open-source pull request every morning',
    referrals: [],
    minutes: 20,
    family: 'engineering',
  },
];
