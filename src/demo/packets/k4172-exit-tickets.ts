import { rows } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/** Exit tickets, grade 7 math, first attempt: a strong, complete packet (MP4 video). */
export const k4172ExitTickets: DemoPacketSpec = {
  slug: 'k-4172-exit-tickets',
  packetId: '3b9e6f1a-52c4-4d8e-9a17-6c0f2e8b41d5',
  credentialId: 'exit-tickets',
  pseudonym: 'Candidate K-4172',
  submittedAt: '2026-09-28T21:14:00-05:00',
  attempt: { number: 1, previous: [] },
  setting: {
    grade: 'Grade 7',
    subject: 'Mathematics',
    classLabel: 'Period 3 (26 students)',
    school: 'Public middle school, suburban district',
    dates: 'September 15-24, 2026',
  },
  responses: {
    context:
      'I teach seventh-grade math at a public middle school, and this is my Period 3 class of 26 students, including four multilingual learners and three students with IEPs for math calculation. The lesson was the third in our ratios unit, on computing unit rates when the quantities are fractions (7.RP.A.1). The objective was: students will compute a unit rate from a ratio of fractions and explain what the unit rate means in the context of the problem. I wrote the objective in two halves on purpose. In our fractions unit I noticed that students could divide fractions fluently but often could not say what their answer represented, and I wanted the exit ticket to tell those two things apart.\n\n' +
      'The exit ticket had three items, and each maps to the objective. Item 1 (Maya walks 1/2 mile every 1/4 hour; how far in one hour?) asks for a unit rate with fractions. Item 2 (3 lb for $4.20 or 5 lb for $6.50) asks students to compute and compare two unit rates, which shows whether they know which quantity is "per one". Item 3 asks them to explain in words what their answer to item 1 means, which is the half of the objective that computation alone cannot show. I designed item 1 so that the two most likely errors give different answers: dividing in the wrong order gives 1/2 rather than 2, so I could tell a rate set up upside down from an arithmetic slip. Students had the last five minutes of the period and worked silently; I collected the half sheets at the door.',
    analysis:
      'I sorted the 23 tickets I received (three students were absent) by what each one showed about the objective, rather than by score. Eleven students were secure. S04 is typical: she computed 2 miles per hour, chose the 5 lb bag because it costs $1.30 per pound, and explained item 3 in context ("She walks 2 miles in one hour if she keeps the same speed").\n\n' +
      'Seven students, including S17, computed correctly but could not interpret. S17 wrote that "the answer is 2 because you divide", which describes the procedure, not the quantity. None of the seven put units on their answers.\n\n' +
      'Five students, including S09, inverted the rate. S09 wrote 1/4 ÷ 1/2 = 1/2 and answered "1/2 mile", then chose the 3 lb bag because "$4.20 is less than $6.50", comparing total prices instead of unit prices. When I laid the five tickets side by side, the pattern was the same on every one: each student divided the smaller number by the larger. I think this is a habit carried over from whole-number division ("you can\'t divide a small number by a big one") rather than a decision about which quantity is "per one". None of the five labeled a unit either, so nothing on the page told them their answer did not make sense.\n\n' +
      'So the exit ticket showed two different needs. The inverted group has a conceptual misconception about what a rate compares. The procedural group can compute but has not connected the number to the situation, so for them labels and a representation are the missing link. The secure group was ready for rates in tables and graphs.',
    response:
      "The next day I opened with the two answers to item 1 side by side on the board, 1/2 and 2, without saying which was right, and asked pairs to decide what each number would mean (video, 0:00-0:14). That let the class hear the misconception as a question about meaning rather than as particular students' mistakes, and in the clip a student explains why it must be 2 miles in one hour (0:14-0:28).\n\n" +
      'Then I split the class for 20 minutes. I worked at the back table with the five students who had inverted the rate. We built a double number line for Maya\'s walk, hours on top and miles underneath, and extended it to one hour; the students could see that the "one" belongs on the hours line, so the rate is miles per one hour (see the whiteboard photo). We then labeled every division with its units before computing. The procedural group worked in pairs on four context cards where they had to write a sentence for each unit rate using the frame "For every one ___, there are ___". The secure group started the table-and-graph task from lesson 4, with an extension card asking which representation makes the unit rate easiest to see.\n\n' +
      'On Thursday I gave a follow-up ticket with a new context (a printer prints 3/4 of a page in 1/8 of a minute). Four of the five students from the inverted group set up the rate correctly and labeled it; S14 still divided the smaller by the larger, and I have met with him twice since. Six of the seven students in the procedural group wrote a correct interpretation. The unit quiz the following week (post_quiz in the CSV) shows the gains held, most clearly for the inverted group.',
  },
  lessonPlan: {
    title: 'Unit rates with fractions',
    unit: 'Unit 2: Ratios and Proportional Relationships (lesson 3 of 12)',
    date: 'Tuesday, September 15, 2026',
    duration: '50 minutes',
    standards: [
      'CCSS.MATH.7.RP.A.1 Compute unit rates associated with ratios of fractions',
      'SMP 2 Reason abstractly and quantitatively',
      'SMP 6 Attend to precision',
    ],
    objective:
      'Students will compute a unit rate from a ratio of fractions and explain what the unit rate means in the context of the problem.',
    successCriteria: [
      'find a unit rate when the quantities are fractions.',
      'decide which quantity is "per one" before I divide.',
      'explain what my unit rate means in a sentence with units.',
    ],
    priorKnowledge:
      'Students divided fractions in Unit 1, and most are fluent (19 of 26 scored 70% or more on the September diagnostic). In lessons 1 and 2 they found unit rates with whole numbers using tape diagrams and tables. I expect some students to divide the smaller number by the larger out of habit from whole-number division, so the lesson keeps asking "where is the one?"',
    materials: [
      'Warm-up slide: "Which car is faster?"',
      'Double number line template (half sheet) and fraction strips',
      'Context cards A-G (walking, recipes, printing, unit prices)',
      'Mini whiteboards and markers',
      'Exit ticket (three items, half sheet)',
    ],
    sequence: [
      {
        time: '0-5',
        phase: 'Warm-up',
        activity:
          'On mini whiteboards students compare two whole-number rates (120 miles in 2 hours, 200 miles in 4 hours). I scan the boards for the range of strategies and note who does not name a unit.',
      },
      {
        time: '5-15',
        phase: 'Launch',
        activity:
          'I pose Maya\'s walk with fractions. Students first estimate (more or less than a mile in an hour?), then model the walk on a double number line. Key question: where is the "one" on this number line?',
      },
      {
        time: '15-30',
        phase: 'Guided practice',
        activity:
          'Pairs work context cards A-D. For each card they name the "per one" quantity, write the division with units, compute, and write a meaning sentence. I confer with pairs, starting with students flagged on the warm-up.',
      },
      {
        time: '30-40',
        phase: 'Share',
        activity:
          'Two pairs present cards where the "one" sits on different sides of the ratio. The class discusses how they decided which number to divide by, and I record the rule of thumb on the anchor chart.',
      },
      { time: '40-45', phase: 'Independent', activity: 'Students complete cards E and F on their own.' },
      {
        time: '45-50',
        phase: 'Exit ticket',
        activity: 'Three items, silent, five minutes; collected at the door. Early finishers try card G (extension).',
      },
    ],
    checks: [
      {
        when: 'Minute 5',
        technique: 'Mini whiteboards, all students at once',
        lookFor: 'A whole-number unit rate with its unit (60 miles per hour). Under 80% correct: extend the launch.',
      },
      {
        when: 'Minute 12',
        technique: 'Cold call after 20 seconds of think time',
        lookFor: 'Students point to 1 hour on the hours line, not to 1 mile on the miles line.',
      },
      {
        when: 'Minute 15-30',
        technique: 'Conferring during pair work, with a class list',
        lookFor: 'Which quantity students put first in the division, and whether they write units before computing.',
      },
      {
        when: 'Minute 45',
        technique: 'Exit ticket',
        lookFor:
          'Item 1 = 2 miles per hour; an answer of 1/2 signals an inverted rate. Item 3 shows whether students can interpret the rate.',
      },
    ],
    differentiation: [
      'Multilingual learners: the frame "For every one ___, there are ___" on every card, and a word wall with per, rate and unit rate illustrated.',
      'IEP accommodations: fraction strips and a multiplication chart available; exit ticket read aloud on request.',
      'Extension: card G asks students to invent a context in which the unit rate is less than 1 and explain it.',
    ],
    assessment: {
      title: 'Exit ticket (half sheet, 5 minutes)',
      items: [
        'Maya walks 1/2 mile every 1/4 hour. How far does she walk in 1 hour? Show your work.',
        'Which is the better buy: 3 lb of apples for $4.20 or 5 lb for $6.50? Show how you know.',
        'In words, what does your answer to #1 mean?',
      ],
    },
    extraSections: [
      {
        heading: 'How I will use the exit ticket',
        paragraphs: [
          "I will sort the tickets into four groups: secure (all three items correct and interpreted), computes but cannot interpret, inverted rate, and not enough evidence. Each group has a planned next step for Wednesday. Secure students begin lesson 4 (rates in tables and graphs). Students who compute but cannot interpret practise meaning sentences with context cards. Students who invert the rate meet me at the back table to rebuild the double number line. Absent students complete the ticket during Wednesday's warm-up.",
        ],
      },
    ],
  },
  studentWork: {
    title: 'Annotated exit-ticket samples',
    task: 'Exit ticket, Tuesday 9/15: unit rates with fractions (three items)',
    intro: [
      'These three tickets represent the three groups that needed different next steps. I reviewed all 23 tickets before choosing them; the data analysis shows the whole sort. Student codes match the CSV.',
      "Each ticket was photographed the same afternoon. I have not corrected anything on the students' work; my annotations are in the boxes and notes only.",
    ],
    samples: [
      {
        student: 'S04',
        image: 'g7-exit-ticket-s04.jpg',
        group: 'Secure',
        whyChosen: 'Typical of the 11 secure tickets: correct, labeled, and interpreted in context.',
        annotations: [
          {
            rect: rows(2),
            tone: 'strength',
            note: 'Correct division with fractions, and the rate is labeled miles per hour.',
          },
          {
            rect: rows(6, 2),
            tone: 'strength',
            note: 'Computes both unit prices and compares them per pound before choosing.',
          },
          {
            rect: rows(10, 2),
            tone: 'strength',
            note: 'Interprets the rate in context and adds the constant-speed condition without being asked.',
          },
        ],
        commentary:
          'S04 meets both halves of the objective. Her answer to item 3 goes beyond restating the number: she notices that "2 miles per hour" assumes Maya keeps the same speed, which is exactly the kind of reasoning about the context I want the class to notice. On Wednesday she began lesson 4 and took the extension card.',
      },
      {
        student: 'S09',
        image: 'g7-exit-ticket-s09.jpg',
        group: 'Inverted the rate',
        whyChosen: 'Shows the inverted-rate pattern shared by all five students in this group.',
        annotations: [
          {
            rect: rows(2),
            tone: 'concern',
            note: 'Divides the smaller quantity by the larger: 1/4 ÷ 1/2 gives hours per mile, but the answer is labeled as miles.',
          },
          { rect: rows(6), tone: 'concern', note: 'Compares total prices rather than price per pound.' },
          {
            rect: rows(10),
            tone: 'concern',
            note: 'The interpretation follows from the inverted rate and has no unit of time.',
          },
        ],
        commentary:
          'S09 divides fluently; the problem is the setup. Both item 1 and item 2 show the same idea: the division goes "small into big" and the result is named after whichever quantity is mentioned first. Because there are no units on his work, nothing signals that half a mile per hour is an unreasonable walking speed. He joined the double-number-line group on Wednesday and set up Thursday\'s follow-up ticket correctly, with units.',
      },
      {
        student: 'S17',
        image: 'g7-exit-ticket-s17.jpg',
        group: 'Computes, cannot interpret',
        whyChosen:
          'Represents the 7 students whose computation was right but whose explanation described the procedure.',
        annotations: [
          { rect: rows(2), tone: 'strength', note: 'Correct setup and computation.' },
          {
            rect: rows(6),
            tone: 'concern',
            note: 'Unit prices are right but unlabeled; the choice is correct, the reason is not written.',
          },
          {
            rect: rows(10),
            tone: 'concern',
            note: 'Explains the operation, not the quantity: what does the 2 count?',
          },
        ],
        commentary:
          'S17 could go on to the next lesson on computation alone, and a right/wrong score would have hidden her need. Item 3 shows she treats the answer as the end of a procedure. She worked with the meaning-sentence cards on Wednesday and on Thursday wrote "the printer prints 6 pages in one minute".',
      },
    ],
  },
  dataAnalysis: {
    title: 'Exit ticket analysis: unit rates with fractions',
    purpose:
      "I analyzed Tuesday's exit ticket to find out which students had met both halves of the objective (compute a unit rate with fractions, and explain what it means) and what the others were thinking. I sorted the responses by the kind of thinking they show, then compared each group's Unit 2 pre-assessment with the post-quiz given a week later.",
    groupChartNote:
      'Eleven of the 23 students who completed the ticket were secure. The largest need was interpretation: seven students computed correctly but could not say what the 2 means. All five inverted responses divided the smaller number by the larger. Three students were absent and completed the ticket on Wednesday; their results are in the CSV but not in the sort.',
    prePostNote:
      "Every group grew from the pre-assessment to the post-quiz. The inverted group started lowest and grew most after the small-group reteach with the double number line. The students who were absent on Tuesday were caught up during Wednesday's warm-up, and their post-quiz scores are in line with the class.",
    findings: [
      'Computation with fractions is not the barrier: 18 of 23 students divided correctly once the rate was set up.',
      'Setting up the rate is the barrier for five students, who all divided "small into big". None of them wrote units.',
      'Interpretation is the most common gap: seven students computed correctly but explained the procedure rather than the quantity.',
      'Writing units predicted success: every student who labeled the answer to item 1 also interpreted it correctly in item 3.',
    ],
    nextSteps: [
      'Inverted group: rebuild the rate on a double number line and label the quantities before dividing (done Wednesday).',
      'Computes but cannot interpret: meaning sentences with the frame "For every one ___, there are ___" (done Wednesday).',
      'Secure group: begin lesson 4 (rates in tables and graphs) with an extension card.',
      'Everyone: a follow-up ticket on Thursday with a new context, so I can see whether the changes worked.',
    ],
  },
  reflection: {
    title: 'Reflection on the exit-ticket cycle',
    sections: [
      {
        heading: 'What the exit ticket taught me',
        paragraphs: [
          'Before this cycle I used exit tickets mostly as a quick score: I counted how many students got the answer and decided whether to move on. If I had done that this time, I would have seen 18 of 23 correct on item 1 and moved on. Sorting by thinking instead of by score showed me that the seven students in the procedural group were not where the number suggested. They could run the procedure, but they did not yet know what it produced.',
          'The most useful design decision was writing item 1 so that the two likely errors give different answers. Because 1/2 could only come from dividing in the wrong order, I knew exactly what the five students in the inverted group were doing without having to interview each of them. Next time I want every exit ticket to have at least one item built this way.',
          'I also learned something I did not expect: units were the best predictor of understanding. Every student who labeled the answer to item 1 also interpreted it correctly in item 3. That suggests labels are not just a matter of precision; they are how students keep track of what the numbers mean.',
        ],
      },
      {
        heading: 'What worked in the reteach',
        paragraphs: [
          'Opening with both answers on the board, without saying which was right, worked better than I expected. The students who had written 1/2 heard other students reason through it, and nobody was singled out. In the video you can hear a student explain why the rate must be 2 miles in one hour; she was one of the students who had computed correctly but could not interpret on Tuesday, so the discussion helped her as well.',
          'The double number line was the right representation for the inverted group because it makes the "one" visible. Once the students extended the line to 1 hour, none of them argued for 1/2 any more. Four of the five set up Thursday\'s follow-up ticket correctly and labeled it.',
        ],
      },
      {
        heading: 'What I would change',
        paragraphs: [
          'The secure group spent part of Wednesday waiting while I settled the other groups, and the extension card did not ask for enough. Next time I will have the lesson 4 task on their desks before the bell, with a more open extension.',
          'S14 is still dividing the smaller number by the larger. The double number line made sense to him while we were building it together but did not transfer to a new context. I have met with him twice since, and we are now using a table where he writes the units in the column headings before he computes. I will check his next two tickets individually.',
          'Finally, three students were absent on Tuesday. Catching them up in the warm-up worked, but it meant their data arrived a day late. A shorter version of the ticket that I can give on return would make this easier.',
        ],
      },
      {
        heading: 'Next steps for my practice',
        bullets: [
          'Design at least one diagnostic item per exit ticket, where each likely error produces a different answer.',
          'Sort tickets by thinking, not by score, and record the groups on the class list.',
          'Require units on every answer in the ratios unit and look at whether labels continue to predict understanding.',
          'Plan the extension for secure students as carefully as the reteach.',
        ],
      },
    ],
  },
  results: {
    seed: 4172,
    columns: { pre: 'pre_assessment', task: 'exit_ticket', post: 'post_quiz' },
    names: { pre: 'Pre-assessment', task: 'Exit ticket', post: 'Post-quiz' },
    maxima: { pre: 10, task: 3, post: 10 },
    groups: [
      {
        id: 'secure',
        label: 'Secure',
        description: 'Correct unit rate with units, both unit prices compared, interpretation in context.',
        students: [1, 2, 4, 5, 8, 11, 13, 16, 20, 23, 25],
        task: 3,
        pre: [6, 9],
        post: [8, 10],
        notes: ['labeled and interpreted', 'ready for lesson 4', 'extension card G', 'explained constant speed'],
      },
      {
        id: 'computes-only',
        label: 'Computes, cannot interpret',
        description: 'Correct computation; item 3 restates the procedure instead of the meaning. No units.',
        students: [3, 6, 12, 17, 19, 22, 26],
        task: 2,
        pre: [5, 8],
        post: [7, 9],
        notes: ['no units', 'described the procedure in #3', 'meaning-sentence cards Wed'],
      },
      {
        id: 'inverted',
        label: 'Inverted the rate',
        description: 'Divided the smaller quantity by the larger (hours per mile); compared total prices.',
        students: [7, 9, 14, 18, 24],
        task: 1,
        pre: [3, 5],
        post: [7, 9],
        notes: ['1/2 on item 1, chose 3 lb', 'double number line group', 'small into big, no units'],
      },
      {
        id: 'absent',
        label: 'Absent on Tuesday',
        description: "No ticket on the day; completed it in Wednesday's warm-up.",
        students: [10, 15, 21],
        task: null,
        pre: [4, 8],
        post: [6, 9],
        notes: ['absent 9/15, ticket done 9/16'],
      },
    ],
  },
  media: [
    {
      id: 'video',
      file: 'g7-math-exit-ticket-discussion.mp4',
      title: 'Next-day lesson: discussing exit-ticket item 1',
      description:
        'Wednesday, Period 3 (36 s clip). 0:00-0:14 both answers to item 1 on the board and a turn-and-talk; 0:14-0:28 a student explains why the rate is 2 miles per hour; 0:28 I name the "per one" check. Video consent is on file for every student shown.',
      promptId: 'response',
    },
    {
      id: 'whiteboard',
      file: 'g7-whiteboard-double-number-line.png',
      title: 'Whiteboard: double number line from the small-group reteach',
      description: 'Photographed at the end of the small-group session with the inverted-rate group.',
      promptId: 'response',
    },
  ],
};
