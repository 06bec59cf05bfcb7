import { FOOD_WEB } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/** Analyzing student work, grade 5 science: food-web models, analyzed with the grade-level team (MP4 video). */
export const p3307AnalyzingStudentWork: DemoPacketSpec = {
  slug: 'p-3307-analyzing-student-work',
  packetId: 'c5e82b37-14a9-4d6f-9f20-7b4e0a61d8c9',
  credentialId: 'analyzing-student-work',
  pseudonym: 'Candidate P-3307',
  submittedAt: '2026-11-09T17:35:00-06:00',
  attempt: { number: 1, previous: [] },
  setting: {
    grade: 'Grade 5',
    subject: 'Science',
    classLabel: 'Room 12 (25 students)',
    school: 'Public elementary school, small-town district',
    dates: 'October 19-30, 2026',
  },
  responses: {
    selection:
      'The task was a checkpoint in our ecosystems unit (NGSS 5-LS2-1: develop a model to describe the movement of matter among plants, animals, decomposers and the environment). Students received a card with ten meadow organisms and drew a food web, using arrows to show the direction energy flows. The success criteria, which were posted and which students used to check their drafts, were: the web starts with the sun; arrows point from the organism that is eaten to the organism that eats it, showing where energy goes; every consumer is connected to a food source; and decomposers are included and connected.\n\n' +
      'I analyzed all 25 webs, first by myself and then with my grade-level team in our PLC meeting, using the Describe-Interpret-Implications protocol (video and meeting notes included). We sorted the webs into three groups. Eleven webs meet the criteria. Eleven have the arrows reversed, pointing from the eater to the food. Three have the arrows right but leave out the sun and the decomposers.\n\n' +
      "I chose S07, S13 and S24 because each one is typical of its group. S13's web is worth particular attention: it is carefully drawn and the food relationships are all correct, so on a quick look it seems like a strong response. It only fails the criterion that matters most, the direction of energy flow. With eleven students in the same position, it represents almost half the class.",
    patterns:
      'The strength across the class is knowledge of feeding relationships: 24 of 25 webs connect every consumer to a plausible food source, and most students included all ten organisms. Students know who eats whom.\n\n' +
      'The main misconception is about what the arrow means. Eleven students drew arrows from the eater to the food (fox to rabbit, rabbit to grass). S13 wrote the rule she used at the top: "The arrows show who eats who." In the PLC my colleague pointed out that this is a sensible reading of an arrow, because in everyday life an arrow points at a target. Our students have been reading the arrow as "eats", and the scientific convention, "energy goes to", is the opposite. Interpreting the work together helped me see that these students do not lack knowledge. They have a different model of what the diagram represents, and that changes how to reteach it.\n\n' +
      'The second pattern is smaller but related. Three students, like S24, drew the arrows correctly but started the web at the grass ("The energy starts in the grass") and left out the mushrooms. They understand the direction of flow within the web but not where the energy comes from or where matter goes when organisms die, which is the other half of the standard.\n\n' +
      'S07 represents the students who meet the criteria: her note ("Energy goes from the food to the animal that eats it") states the convention in her own words, and her web includes the sun and the decomposers.',
    'next-steps':
      'Based on the analysis, and on the PLC discussion, I taught three different lessons the next week.\n\n' +
      'The eleven students with reversed arrows did an energy-flow card sort: each card showed two organisms, and students had to place an "energy" token on the one that gets the energy and then draw the arrow in the direction the token moved. We then rewrote S13\'s rule together as "the arrow shows where the energy goes". The important thing was naming the everyday meaning of the arrow and setting it aside, not just correcting the drawings.\n\n' +
      'The three students who left out the sun and the decomposers built a "where did it come from, where does it go" chain for one organism, starting at the sun and ending with the mushrooms, before adding both to their webs.\n\n' +
      'The students who met the criteria extended their webs by predicting what would happen to the energy available to the hawk if the grasshoppers disappeared.\n\n' +
      'Each student got a sticky note on their web with one specific next step tied to a criterion, for example "Check each arrow: does it point to where the energy goes?", and revised the web in class. As a team we agreed to re-sort the same three samples after the reteach and to bring the revised webs to the next PLC. Nine of the eleven students with reversed arrows now draw them correctly, and all three of the S24 group include the sun and decomposers. The unit assessment results are in the CSV.',
  },
  lessonPlan: {
    title: 'Food webs: modeling how energy moves in an ecosystem',
    unit: 'Unit 4: Ecosystems (lesson 6 of 12)',
    date: 'Monday, October 19, 2026',
    duration: '45 minutes',
    standards: [
      'NGSS 5-LS2-1 Develop a model to describe the movement of matter among plants, animals, decomposers, and the environment',
      "NGSS 5-PS3-1 Use models to describe that energy in animals' food was once energy from the sun",
      'SEP 2 Developing and using models',
    ],
    objective:
      'Students will draw a food web model that shows the direction energy flows from the sun through producers and consumers to decomposers.',
    successCriteria: [
      'start my food web with the sun.',
      'draw arrows that point to where the energy goes (from the food to the eater).',
      'connect every consumer to at least one food source.',
      'include decomposers and connect them.',
    ],
    priorKnowledge:
      'Students built food chains in lesson 4 and sorted organisms into producers, consumers and decomposers in lesson 5. The lesson 4 exit cards showed some students describing the arrow as "eats", which is why the criteria are worded as "points to where the energy goes".',
    materials: [
      'Meadow organism cards (10 organisms)',
      'Checkpoint sheet with the criteria printed',
      'Video clip: a hawk catching a grasshopper-eating frog (2 min)',
      'Energy tokens (yellow counters) for the card sort',
    ],
    sequence: [
      {
        time: '0-8',
        phase: 'Launch',
        activity: "Video clip; students trace where the hawk's energy came from, all the way back.",
      },
      {
        time: '8-18',
        phase: 'Model',
        activity:
          'I draw a three-organism chain with energy tokens, moving a token along each arrow. We read the criteria together.',
      },
      {
        time: '18-38',
        phase: 'Checkpoint task',
        activity: 'Students draw the meadow food web independently and check it against the criteria.',
      },
      {
        time: '38-45',
        phase: 'Gallery walk',
        activity: "Students look at three classmates' webs and leave one question on a sticky note.",
      },
    ],
    checks: [
      {
        when: 'Minute 6',
        technique: "Turn and talk: where did the hawk's energy come from?",
        lookFor: 'Students trace back to the sun, not only to the frog.',
      },
      {
        when: 'Minute 16',
        technique: 'Thumbs-sideways check after the token model, then cold call',
        lookFor: 'Students describe the arrow as "energy goes to", not "eats".',
      },
      {
        when: 'Minute 38',
        technique: 'The checkpoint food web (analyzed for this packet)',
        lookFor: 'Arrow direction, the sun, connected consumers, decomposers.',
      },
    ],
    differentiation: [
      'Organism cards with pictures for students who need reading support.',
      'A partially completed web (sun and grass placed) for two students with IEP goals in written expression.',
      'Extension: add a second decomposer and explain what it breaks down.',
    ],
    assessment: {
      title: 'Checkpoint task',
      items: [
        'Draw a food web using the organisms on your card: sun, grass, clover, grasshopper, rabbit, mouse, frog, hawk, fox, mushrooms. Use arrows to show the direction ENERGY flows.',
      ],
    },
  },
  studentWork: {
    title: 'Annotated student work: food-web models',
    task: 'Checkpoint, October 19: meadow food web with arrows showing the direction energy flows',
    intro: [
      "These are the three samples my grade-level team and I used in our PLC protocol (see the video and the meeting notes). Each one represents a group in the sort of all 25 webs. I annotated them after the meeting, so the notes include my colleagues' interpretations.",
    ],
    samples: [
      {
        student: 'S07',
        image: 'g5-food-web-s07.jpg',
        group: 'Meets the criteria',
        whyChosen: 'Typical of the 11 webs that meet all four criteria.',
        annotations: [
          { rect: FOOD_WEB.note, tone: 'strength', note: 'States the convention in her own words.' },
          { rect: FOOD_WEB.lowerArrows, tone: 'strength', note: 'Every arrow points from the food to the eater.' },
          {
            rect: FOOD_WEB.elbows,
            tone: 'strength',
            note: 'The rabbit connects to both predators, with arrows in the right direction.',
          },
          { rect: FOOD_WEB.sunAndDecomposers, tone: 'strength', note: 'Starts with the sun and includes decomposers.' },
        ],
        commentary:
          'S07 meets every criterion. Her note shows she understands the arrow as a model of energy, not a picture of eating. Her extension task was predicting the effect on the hawk if the grasshoppers disappeared.',
      },
      {
        student: 'S13',
        image: 'g5-food-web-s13.jpg',
        group: 'Arrows reversed',
        whyChosen: 'Represents the 11 webs with arrows pointing from the eater to the food.',
        annotations: [
          {
            rect: FOOD_WEB.note,
            tone: 'concern',
            note: 'Her rule: the arrow means "eats". This explains every arrow on the page.',
          },
          { rect: FOOD_WEB.lowerArrows, tone: 'concern', note: 'All arrows point from the eater to the food.' },
          {
            rect: FOOD_WEB.box(0, 1),
            tone: 'strength',
            note: 'Feeding relationships are all correct (the frog eats the grasshopper).',
          },
          { rect: FOOD_WEB.sunAndDecomposers, tone: 'concern', note: 'Sun included, but no decomposers.' },
        ],
        commentary:
          'S13\'s web is careful and her knowledge of who eats whom is accurate; the arrow convention is the only thing wrong, and it is wrong consistently. As a colleague said in the PLC, she is reading the arrow the way arrows work everywhere else. After the card sort she redrew every arrow and rewrote her rule as "the arrow shows where the energy goes".',
      },
      {
        student: 'S24',
        image: 'g5-food-web-s24.jpg',
        group: 'No sun or decomposers',
        whyChosen: 'Represents the 3 webs with correct arrows that start at the grass.',
        annotations: [
          { rect: FOOD_WEB.lowerArrows, tone: 'strength', note: 'Arrows point in the direction of energy flow.' },
          {
            rect: FOOD_WEB.note,
            tone: 'concern',
            note: '"The energy starts in the grass": the sun is missing from the model.',
          },
          { rect: FOOD_WEB.sunAndDecomposers, tone: 'concern', note: 'No sun and no decomposers.' },
        ],
        commentary:
          'S24 understands the direction of flow within the web but not where the energy enters or where matter goes. The "where did it come from, where does it go" chain addressed both; her revised web has the sun and the mushrooms.',
      },
    ],
  },
  dataAnalysis: {
    title: 'Class analysis: food-web checkpoint',
    purpose:
      'This analysis sorts all 25 food webs by the success criteria, records the groups my team agreed on in our PLC meeting, and compares the ecosystem pre-assessment with the energy items on the unit assessment.',
    groupChartNote:
      'Eleven webs met the criteria and eleven had the arrows reversed; three had correct arrows but no sun or decomposers. 24 of 25 students connected every consumer to a food source.',
    prePostNote:
      'All three groups improved on the unit assessment. The reversed-arrow group made the largest gain after the card sort; two students in that group still reverse arrows on unfamiliar webs.',
    findings: [
      'Knowledge of feeding relationships is strong: 24 of 25 webs connect every consumer correctly.',
      'The main misconception is the meaning of the arrow ("eats" rather than "energy goes to"), shared by 11 students.',
      'Three students omit the source of energy and the decomposers although their arrows are correct.',
      'The other two grade 5 classes showed the same arrow pattern (about 40% of webs), which suggests the lesson 4 materials reinforce "eats".',
    ],
    nextSteps: [
      "Reversed arrows: energy-token card sort, then rewrite the arrow rule in students' own words.",
      'No sun or decomposers: "where did it come from, where does it go" chain for one organism.',
      'Meets the criteria: predict the effect of removing an organism on energy available to the hawk.',
      'Team: revise the lesson 4 food-chain worksheet, which labels arrows "eats".',
    ],
  },
  reflection: {
    title: 'Reflection: analyzing food webs with my team',
    sections: [
      {
        heading: 'Why I analyzed the work with colleagues',
        paragraphs: [
          "I sorted the webs on my own first, and I had them in two piles: right and wrong. The wrong pile was mostly webs like S13's, and my plan was to reteach food webs. Taking the same webs to our PLC changed that plan. The protocol made us describe before interpreting, and describing S13's web carefully, every relationship correct, every arrow consistently reversed, made it impossible to say she \"didn't get food webs\".",
          'The most useful comment came from a colleague who said that an arrow pointing from the fox to the rabbit is what any of us would draw if we were showing who hunts whom. That reframed the problem from a knowledge gap into a conflict between an everyday convention and a scientific one.',
        ],
      },
      {
        heading: 'What the analysis changed in my teaching',
        paragraphs: [
          'Because the misconception was about the meaning of the arrow, the reteach had to be about meaning. The energy tokens gave students something physical to move along the arrow, and rewriting the rule in their own words gave them a way to check themselves. I think simply redrawing the arrows, which is what I would have done before, would have corrected the checkpoint but not the model.',
          'The analysis also showed me that our own materials may be part of the cause. The lesson 4 food-chain worksheet labels every arrow "eats". Our team has rewritten it for next year.',
        ],
      },
      {
        heading: 'Feedback and revision',
        paragraphs: [
          'Every student received one sticky note tied to a criterion, and revised in class the next day. The sticky notes were short on purpose: one thing to check, phrased as a question. Nine of the eleven students with reversed arrows corrected them, and most of them also corrected the arrows on a new web in the unit assessment, which was the real test.',
          'Two students still reverse arrows on unfamiliar webs. I will check their models again in the decomposer lesson, where arrows go in both directions between organisms and the soil, which will be harder.',
        ],
      },
      {
        heading: 'Looking at the results more closely',
        paragraphs: [
          'The unit assessment had four energy items, including a web the students had not seen before (a pond with algae, snails, minnows, a heron and bacteria). That item mattered more to me than the revised checkpoint webs, because a student can redraw arrows once they have been told which way they go. On the pond web, nine of the eleven students from the reversed-arrow group drew every arrow in the direction of energy flow, and several labeled the arrows "energy" without being asked.',
          'The three students who had left out the sun and the decomposers all put the sun on the pond web, and two of them connected the bacteria to the dead heron. The third connected the bacteria only to the algae, which tells me she sees decomposers as a kind of consumer that eats plants. I will pick that up with her in the soil lesson.',
          'The students who met the criteria at the checkpoint did well on the unit items, but their extension work was uneven. Predicting what happens to the hawk when the grasshoppers disappear produced good reasoning from about half of them; the others described the food chain again without reasoning about the amount of energy. I had planned the extension as a stretch, but did not plan how I would check it, and I would like to analyze that work as carefully as the checkpoint next time.',
        ],
      },
      {
        heading: 'Next time',
        bullets: [
          'Bring student work to the team before deciding on a reteach, not after.',
          'Sort by criterion, not by right and wrong.',
          'Look for the everyday meaning behind a misconception before correcting it.',
          'Re-sort the same samples after the reteach to see whether the groups have changed.',
        ],
      },
    ],
  },
  results: {
    seed: 3307,
    columns: { pre: 'pre_assessment', task: 'checkpoint_web', post: 'unit_energy_items' },
    names: { pre: 'Ecosystems pre-assessment', task: 'Checkpoint web', post: 'Unit assessment (energy)' },
    maxima: { pre: 12, task: 3, post: 12 },
    groups: [
      {
        id: 'meets',
        label: 'Meets the criteria',
        description: 'Sun included, arrows from food to eater, consumers connected, decomposers included.',
        students: [1, 3, 4, 7, 9, 10, 15, 18, 20, 22, 25],
        task: 3,
        pre: [6, 9],
        post: [9, 11],
        notes: ['energy tokens not needed', 'extension: remove grasshoppers', 'meets all four'],
      },
      {
        id: 'reversed',
        label: 'Arrows reversed',
        description: 'Arrows point from the eater to the food ("who eats who"); relationships correct.',
        students: [2, 5, 6, 8, 11, 13, 14, 16, 19, 21, 23],
        task: 1,
        pre: [4, 7],
        post: [8, 11],
        notes: ['arrow = eats', 'card sort group', 'relationships all correct'],
      },
      {
        id: 'no-source',
        label: 'No sun or decomposers',
        description: 'Arrows correct; the web starts at the producers and has no decomposers.',
        students: [12, 17, 24],
        task: 2,
        pre: [4, 7],
        post: [7, 10],
        notes: ['starts at grass', 'no mushrooms'],
      },
    ],
  },
  media: [
    {
      id: 'plc-video',
      file: 'g5-science-food-web-plc.mp4',
      title: 'PLC meeting: looking at student work (excerpt)',
      description:
        'Grade 5 team meeting, October 21 (40 s excerpt). 0:00 describe phase; 0:08 the reversed-arrow count; 0:16 a colleague interprets the arrow as "eats"; 0:24 implications for the reteach. All speakers are teachers who consented to recording.',
      promptId: 'patterns',
    },
  ],
  notes: [
    {
      id: 'plc-notes',
      file: 'plc-protocol-notes.txt',
      title: 'PLC protocol notes',
      description: 'Notes taken by the team facilitator during the Describe-Interpret-Implications protocol.',
      text:
        'Grade 5 PLC - Looking at Student Work - October 21, 2026\n' +
        'Protocol: Describe / Interpret / Implications (40 minutes). Samples: S07, S13, S24 (Room 12).\n\n' +
        'DESCRIBE\n' +
        '- S13: all ten organisms, neat boxes, every arrow from eater to food. Wrote "arrows show who eats who".\n' +
        '- S24: arrows from food to eater; no sun, no mushrooms. "Energy starts in the grass."\n' +
        '- S07: sun at the bottom, arrows food -> eater, mushrooms with a note.\n' +
        '- Room 12 count: 11 of 25 reversed. Rooms 10 and 14 similar (about 40%).\n\n' +
        'INTERPRET\n' +
        '- Students know the feeding relationships; the arrow is read as "eats" (everyday meaning).\n' +
        '- Lesson 4 worksheet labels arrows "eats" - may be reinforcing it.\n' +
        '- S24 group: flow inside the web is fine; energy source and decomposers missing.\n\n' +
        'IMPLICATIONS\n' +
        '- Energy-token card sort for reversed-arrow students (all three rooms).\n' +
        '- Rewrite the arrow rule in students\' words: "the arrow shows where the energy goes".\n' +
        '- Revise the lesson 4 worksheet before next year.\n' +
        '- Re-sort these same three samples with the revised webs at the November 4 meeting.\n',
    },
  ],
};
