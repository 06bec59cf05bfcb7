import { rows } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/**
 * Exit tickets, grade 4 reading, second attempt. Attempt 1 was returned "not yet" because the
 * analysis only counted right and wrong; this packet answers that feedback (WebM video).
 */
export const r2098ExitTicketsResubmission: DemoPacketSpec = {
  slug: 'r-2098-exit-tickets-attempt-2',
  packetId: '8c1d4a7e-0f3b-4b62-8e95-d2a6b7c3e019',
  credentialId: 'exit-tickets',
  pseudonym: 'Candidate R-2098',
  submittedAt: '2026-10-12T19:42:00-04:00',
  attempt: {
    number: 2,
    previous: [
      {
        number: 1,
        decision: 'not-yet',
        decidedAt: '2026-06-19T15:30:00Z',
        feedback:
          'Thank you for a clear lesson plan. Your exit ticket is well aligned to the main-idea objective (Proficient). The packet does not yet meet the standard for three reasons.\n' +
          'Analysis (Developing): responses were sorted only as correct or incorrect (14 of 24 correct), so the analysis does not show why the other ten students struggled. Sort the incorrect responses by the kind of error, for example a topic given instead of a main idea, or a detail given as the main idea, and illustrate each group with a student response.\n' +
          'Instructional response (Developing): the whole class reread the passage together the next day. Plan different next steps for the groups your analysis identifies.\n' +
          'Impact (Beginning): there is no evidence of whether the reteach worked. Include a follow-up check with the same kind of item and compare the results group by group.\n' +
          'You may resubmit with a new exit-ticket cycle; the lesson itself can stay the same.',
        criterionLevels: [
          { criterionId: 'alignment', levelId: 'proficient' },
          { criterionId: 'analysis', levelId: 'developing' },
          { criterionId: 'instructional-response', levelId: 'developing' },
          { criterionId: 'impact', levelId: 'beginning' },
        ],
      },
    ],
  },
  setting: {
    grade: 'Grade 4',
    subject: 'Reading',
    classLabel: 'Room 8 (24 students)',
    school: 'Public elementary school, rural district',
    dates: 'September 29 - October 8, 2026',
  },
  responses: {
    context:
      'This is my second submission for this credential. I teach a self-contained fourth-grade class of 24 students; six receive reading intervention and three are multilingual learners. The lesson is from our informational-text unit and addresses RI.4.2: determine the main idea of a text and explain how it is supported by key details. The objective was: students will state the main idea of a short informational passage in their own words and name two details that support it.\n\n' +
      'I kept the lesson from my first submission, as the feedback allowed, but I rewrote the exit ticket so that it could tell me more than right or wrong. Students read a new two-paragraph passage, "Sea Otters", and answered two questions: what is the main idea of the passage, and which two details support it. Asking for the main idea and the supporting details separately matters, because a student can write a reasonable sentence and still not see how the details hold it up. I also planned, before teaching, the four kinds of response I expected: a main idea with supporting details, a topic instead of a main idea, a detail given as the main idea, and a main idea with details that do not support it. That gave me the categories for my sort before I saw the tickets, which was the change the feedback asked for.\n\n' +
      'Students completed the ticket independently in the last six minutes of the reading block. Two students with accommodations had the passage read aloud, which does not change what the ticket measures.',
    analysis:
      'All 24 students completed the ticket. I sorted them into the four groups I had planned. Ten students (42%) gave a main idea in their own words and two details that support it. S03 wrote "Sea otters have special ways to stay warm and find food in the cold ocean" and chose the thick fur and using rocks as tools, which are exactly the details the passage uses to build that idea.\n\n' +
      'Six students gave the topic instead of the main idea. S11 wrote only "Sea otters". Her details ("they are cute", "they live in the ocean") are true, but they are not about anything in particular, because without a main idea there is nothing for the details to support. These six students can find what a passage is about but not what the author says about it.\n\n' +
      'Five students gave a detail as the main idea. S20 wrote "Sea otters use rocks to open clams", which is the most memorable fact in the passage. His details were other interesting facts, not support for a claim. I think this group is choosing the sentence that stood out most to them, which is a different problem from the topic group.\n\n' +
      'Three students wrote a reasonable main idea but chose details that do not support it, such as a fact from the introduction about where otters live.\n\n' +
      'So fourteen students needed something different from what the secure group needed, and the topic group and the detail group needed different things from each other. In my first submission, responses like these were all simply "incorrect", and the three in the last group would have been counted as correct.',
    response:
      'The next day I taught three groups during the guided-reading rotation while the secure group worked independently.\n\n' +
      'With the topic group (six students) I used our anchor chart\'s table model: the topic is the subject of the sentence, and the main idea is what the author says about it. In the video (0:00-0:28) you can see me ask S11\'s group whether "sea otters" is a topic or a main idea, and a student reaches "they have ways to stay warm and get food in cold water" by asking what the author says about sea otters. They then practiced turning topics into main-idea sentences with two short passages.\n\n' +
      'With the detail group (five students) I used a "does it fit under?" test: we wrote each candidate sentence on a sticky note and checked whether every paragraph of the passage fitted under it. The rocks sentence only covers one paragraph, so it could not be the main idea. With the three students whose details did not support their main idea, I used the same test in reverse: does this detail prove the main idea?\n\n' +
      "The secure group wrote a main-idea statement for a longer article and compared it with a partner's.\n\n" +
      "On Thursday everyone did a follow-up ticket on a new passage about honeybees. Five of the six students in the topic group and four of the five in the detail group gave a main idea with supporting details; all ten secure students stayed secure. The follow-up scores are in the CSV, and the analysis compares each group's results before and after.",
  },
  lessonPlan: {
    title: 'Finding the main idea of an informational text',
    unit: 'Unit 2: Reading informational texts (lesson 5 of 10)',
    date: 'Tuesday, September 29, 2026',
    duration: '60 minutes (reading block)',
    standards: [
      'CCSS.ELA-LITERACY.RI.4.2 Determine the main idea of a text and explain how it is supported by key details',
      'CCSS.ELA-LITERACY.SL.4.1 Engage effectively in collaborative discussions',
    ],
    objective:
      'Students will state the main idea of a short informational passage in their own words and name two details that support it.',
    successCriteria: [
      'tell the difference between the topic and the main idea.',
      'state the main idea in a complete sentence, in my own words.',
      'choose two details that prove my main idea.',
    ],
    priorKnowledge:
      'Students identified topics of paragraphs in lessons 3 and 4 and can usually name what a passage is about. In my first cycle on this lesson, ten students confused the topic or an interesting detail with the main idea, so this time I have planned for those responses in advance.',
    materials: [
      'Anchor chart: the main idea "table" (main idea = tabletop, details = legs)',
      'Mentor passage "Wolves in Winter" (projected)',
      'Exit-ticket passage "Sea Otters" with two questions',
      'Sticky notes for the "does it fit under?" test',
    ],
    sequence: [
      {
        time: '0-10',
        phase: 'Review',
        activity:
          'Students sort six sentence strips into topics and main ideas with a partner. I listen for the reason they give, not only the answer.',
      },
      {
        time: '10-25',
        phase: 'Model',
        activity:
          'I think aloud with "Wolves in Winter": name the topic, ask what the author says about it in every paragraph, write the main idea on the tabletop, then test each detail as a leg of the table.',
      },
      {
        time: '25-45',
        phase: 'Guided practice',
        activity:
          'Partners do the same with a second passage on a blank table organizer. I confer with the intervention group first, then with students who relied on the first sentence yesterday.',
      },
      {
        time: '45-54',
        phase: 'Share',
        activity:
          'Two pairs show different main-idea sentences for the same passage; the class decides whether both fit under the whole passage.',
      },
      {
        time: '54-60',
        phase: 'Exit ticket',
        activity: '"Sea Otters": main idea and two supporting details, independently.',
      },
    ],
    checks: [
      {
        when: 'Minute 8',
        technique: 'Sentence-strip sort, listening to pairs',
        lookFor: 'Students explain that a topic is a word or phrase and a main idea says something about it.',
      },
      {
        when: 'Minute 35',
        technique: 'Conferring with the table organizer',
        lookFor: 'Whether every paragraph fits under the tabletop sentence; whether the legs prove it.',
      },
      {
        when: 'Minute 54',
        technique: 'Exit ticket, sorted into four planned groups',
        lookFor:
          'Main idea with support / topic only / detail as main idea / main idea with unsupporting details. Each group has a prepared next step.',
      },
    ],
    differentiation: [
      'Passage read aloud for two students, as in their plans; the questions are answered independently.',
      'Multilingual learners: sentence frame "This passage is mostly about ___ and how ___."',
      'Early finishers: write a title for the passage that states the main idea.',
    ],
    assessment: {
      title: 'Exit ticket: "Sea Otters"',
      items: [
        'What is the main idea of the passage?',
        'Write two details from the passage that support the main idea.',
      ],
    },
    extraSections: [
      {
        heading: 'Planned next steps by group (written before the lesson)',
        bullets: [
          'Main idea with support: write a main idea for a longer article and compare with a partner.',
          'Topic only: use the table model to turn a topic into a sentence about the topic (small group with me).',
          'Detail as main idea: "does it fit under?" test with sticky notes, paragraph by paragraph (small group with me).',
          'Main idea with unsupporting details: test each detail - does it prove the tabletop?',
        ],
      },
    ],
  },
  studentWork: {
    title: 'Annotated exit-ticket samples: main idea',
    task: 'Exit ticket, Tuesday 9/29: "Sea Otters" - main idea and two supporting details',
    intro: [
      'In my first submission I chose samples that were right or wrong. This time I chose one sample from each of the three largest groups in my sort, because each group received a different next step. The fourth group (main idea with unsupporting details, 3 students) is described in the data analysis.',
    ],
    samples: [
      {
        student: 'S03',
        image: 'g4-exit-ticket-s03.jpg',
        group: 'Main idea with support',
        whyChosen: 'Typical of the 10 students who met the objective.',
        annotations: [
          {
            rect: rows(1, 2),
            tone: 'strength',
            note: 'Main idea in her own words that covers both paragraphs (staying warm and finding food).',
          },
          {
            rect: rows(6, 2),
            tone: 'strength',
            note: 'Both details prove the main idea: one about warmth, one about food.',
          },
          {
            rect: rows(8),
            tone: 'strength',
            note: 'A third detail, also supporting - she is checking her details against her sentence.',
          },
        ],
        commentary:
          'S03 uses the language of the anchor chart without copying it. Her details are chosen because they support her sentence, not because they are interesting, which is the distinction the objective is about. She worked with the secure group on a longer article the next day.',
      },
      {
        student: 'S11',
        image: 'g4-exit-ticket-s11.jpg',
        group: 'Topic only',
        whyChosen: 'Represents the 6 students who named the topic; all six wrote two or three words.',
        annotations: [
          {
            rect: rows(1),
            tone: 'concern',
            note: 'A topic (who or what), not a main idea: nothing is said about sea otters.',
          },
          {
            rect: rows(6, 2),
            tone: 'concern',
            note: 'True but general details. Without a main idea, there is nothing for the details to support.',
          },
        ],
        commentary:
          'S11 knows what the passage is about. What she does not yet do is ask what the author says about it. Her details show the same thing: they are about sea otters in general rather than evidence for a claim. She was in the topic group on Wednesday (video, 0:00-0:14) and on the follow-up ticket wrote "Honeybees work together to keep their hive alive."',
      },
      {
        student: 'S20',
        image: 'g4-exit-ticket-s20.jpg',
        group: 'Detail as main idea',
        whyChosen: 'Represents the 5 students who chose the most memorable fact as the main idea.',
        annotations: [
          {
            rect: rows(1),
            tone: 'concern',
            note: 'A detail from paragraph 2 given as the main idea; it does not cover paragraph 1.',
          },
          {
            rect: rows(6, 2),
            tone: 'concern',
            note: 'More interesting facts rather than support. Spelling ("there") noted but not the focus here.',
          },
        ],
        commentary:
          'S20 picked the sentence he found most interesting. This is a different misunderstanding from S11\'s, and it needed a different reteach: the "does it fit under?" test showed him that the rocks sentence only fits one paragraph. On the follow-up ticket he wrote a main idea that covered the whole honeybee passage, with two supporting details.',
      },
    ],
  },
  dataAnalysis: {
    title: 'Exit-ticket analysis: main idea and supporting details',
    purpose:
      "My first submission reported 14 of 24 correct. This analysis sorts every response into the four groups I planned before the lesson, so that each group's next step follows from what its responses show. I then compare the unit pre-assessment with the follow-up check to see whether each group's next step worked.",
    groupChartNote:
      'Ten students met the objective. The fourteen who did not fall into three groups with different needs: six named the topic, five gave a detail as the main idea, and three had a main idea but details that did not support it.',
    prePostNote:
      'The follow-up check used a new passage with the same two questions, scored on the same 6-point scale as the pre-assessment. All three groups taught in small groups gained more than the secure group, and the detail group gained most. The secure group also grew, which suggests the longer-article task was a worthwhile extension rather than a holding activity.',
    findings: [
      'The largest group of incorrect responses (6) named the topic; these students need to ask what the author says about the topic.',
      'Detail-as-main-idea responses (5) all chose a fact from paragraph 2, the most vivid part of the passage.',
      'Three students wrote a reasonable main idea but supported it with details from the introduction, which describe the setting rather than prove the idea.',
      'On the follow-up check, 5 of 6 in the topic group and 4 of 5 in the detail group gave a supported main idea.',
    ],
    nextSteps: [
      'Keep the four groups on my class list and re-sort after the next main-idea ticket in two weeks.',
      'S15 (topic) and S21 (detail) are still not secure: two more small-group sessions with shorter passages.',
      'Bring the "does it fit under?" test into whole-class modeling, since it helped both incorrect groups.',
    ],
  },
  reflection: {
    title: 'Reflection: responding to feedback on my exit-ticket practice',
    sections: [
      {
        heading: 'What I changed after my first submission',
        paragraphs: [
          'The feedback on my first submission was that my analysis stopped at right and wrong. Reading it again, I can see why. I counted fourteen correct tickets, reread the passage with the whole class, and moved on. I had the evidence in front of me that the ten incorrect students were thinking in different ways, but I had not looked for it.',
          'This time the biggest change happened before the lesson. I wrote down the kinds of response I expected and a next step for each. When the tickets came in, the sort took me about fifteen minutes, and it gave me three small groups instead of one reread. The planning also changed how I wrote the ticket: I asked for the main idea and the details separately, so I could see whether students understood how the details relate to the main idea.',
        ],
      },
      {
        heading: 'What the groups showed me',
        paragraphs: [
          "I was surprised that the topic group and the detail group were nearly the same size. In my head they had been one group of students who \"don't get main idea\". Seeing S11's and S20's tickets next to each other made the difference obvious. S11 can find the subject of a passage but does not ask what is said about it. S20 can find something the author says, but he picks the most vivid sentence instead of the one that covers the whole text. The same reteach would not have helped both.",
          'The three students with unsupported details were the group I had almost not planned for. Their main ideas were fine, so on a right/wrong sort they would have counted as correct. The details question is what revealed them.',
        ],
      },
      {
        heading: 'Evidence that it worked, and what did not',
        paragraphs: [
          'The follow-up ticket on the honeybee passage showed most students in both small groups writing a supported main idea. The pre and post comparison in the data analysis shows the same pattern at group level. I am cautious about reading too much into one passage, so I will give another main-idea ticket in two weeks with a longer text.',
          'Two students are still not secure. S15 wrote a topic again on the follow-up ticket. S21 moved from a detail to a sentence that covered most of the passage but still left one paragraph out. Both are now in a small group with me twice a week, working with shorter passages.',
          'One thing did not work: I ran three small groups in one rotation, so each group had only about twelve minutes with me. The topic group needed more time. Next time I would spread the groups over two days.',
        ],
      },
      {
        heading: 'What I will keep doing',
        bullets: [
          'Plan the likely responses, and a next step for each, before I write the exit ticket.',
          'Ask for the claim and its support separately whenever the objective involves both.',
          'Always follow a reteach with a check on a new text, and compare group by group.',
          'Show students their own group\'s "before and after" so they can see their progress.',
        ],
      },
    ],
  },
  results: {
    seed: 2098,
    columns: { pre: 'pre_check', task: 'exit_ticket', post: 'follow_up_check' },
    names: { pre: 'Unit pre-assessment', task: 'Exit ticket', post: 'Follow-up check' },
    maxima: { pre: 6, task: 3, post: 6 },
    groups: [
      {
        id: 'supported',
        label: 'Main idea with support',
        description: 'Main idea in own words covering the whole passage; both details support it.',
        students: [1, 2, 3, 5, 8, 12, 14, 17, 22, 24],
        task: 3,
        pre: [3, 5],
        post: [5, 6],
        notes: ['secure; longer article next', 'own words, strong details', 'secure'],
      },
      {
        id: 'topic-only',
        label: 'Topic only',
        description: 'Named the topic (one to three words); details general or unrelated.',
        students: [4, 9, 11, 15, 19, 23],
        task: 1,
        pre: [1, 3],
        post: [3, 5],
        notes: ['topic group Wed', 'wrote "sea otters"', 'table model reteach'],
      },
      {
        id: 'detail-as-main',
        label: 'Detail as main idea',
        description: 'A single vivid detail given as the main idea; other details are further facts.',
        students: [6, 10, 16, 20, 21],
        task: 1,
        pre: [1, 3],
        post: [3, 5],
        notes: ['chose the rocks sentence', 'fit-under test Wed', 'detail group'],
      },
      {
        id: 'unsupported',
        label: 'Unsupported details',
        description: 'Reasonable main idea; details from the introduction that do not prove it.',
        students: [7, 13, 18],
        task: 2,
        pre: [2, 4],
        post: [4, 6],
        notes: ['details from intro', 'does the detail prove it?'],
      },
    ],
  },
  media: [
    {
      id: 'video',
      file: 'g4-reading-main-idea-small-group.webm',
      title: 'Small-group reteach: topic or main idea?',
      description:
        'Wednesday 9/30, topic group (34 s clip). 0:00-0:14 I ask whether "sea otters" is a topic or a main idea; 0:14-0:28 a student builds a main-idea sentence by asking what the author says about sea otters; 0:28 students move on to paragraph 2. Consent on file.',
      promptId: 'response',
    },
    {
      id: 'anchor-chart',
      file: 'g4-anchor-chart-main-idea.jpg',
      title: 'Anchor chart: the main-idea table',
      description: 'Used in the model lesson and in both small groups.',
    },
  ],
  notes: [
    {
      id: 'changes',
      file: 'changes-since-attempt-1.txt',
      title: 'Changes since attempt 1',
      description: 'How this resubmission responds to each point of the feedback.',
      text:
        'Changes since my first submission (returned "not yet", June 2026)\n' +
        '\n' +
        '1. Analysis: responses are now sorted into four groups by the kind of thinking they show,\n' +
        '   planned before the lesson (see data-analysis.pdf, Table 1, and the CSV column response_group).\n' +
        '2. Samples: one sample from each of the three largest groups instead of right/wrong examples.\n' +
        '3. Instructional response: three different small-group lessons on Wednesday\n' +
        '   (video shows the topic group); an extension for students who were secure.\n' +
        '4. Impact: a follow-up check on a new passage on Thursday, compared group by group\n' +
        '   with the unit pre-assessment (data-analysis.pdf, Figure 2).\n' +
        '\n' +
        'The lesson plan is the same lesson as attempt 1, with the exit ticket rewritten to ask for\n' +
        'the main idea and the supporting details separately.\n',
    },
  ],
};
