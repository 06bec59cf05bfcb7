import { BOARD } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/** Checking for understanding, grade 9 biology: hinge question on osmosis (WebM video). */
export const m5531CheckingUnderstanding: DemoPacketSpec = {
  slug: 'm-5531-checking-for-understanding',
  packetId: 'f47a2c90-6d1e-4c3b-b8a5-19e07d4f6b22',
  credentialId: 'checking-for-understanding',
  pseudonym: 'Candidate M-5531',
  submittedAt: '2026-10-05T16:08:00-07:00',
  attempt: { number: 1, previous: [] },
  setting: {
    grade: 'Grade 9',
    subject: 'Biology',
    classLabel: 'Period 5 (28 students)',
    school: 'Public high school, urban district',
    dates: 'September 22-29, 2026',
  },
  responses: {
    plan:
      'The lesson introduces osmosis and tonicity, and everything after minute 20 depends on students understanding that water, not solute, moves across the membrane. So I planned my main check, a hinge question, for exactly that point (lesson plan, minute 18). The question shows a red blood cell placed in 3% salt solution and asks what happens. Each option matches a specific idea: B (water moves out, the cell shrinks) is correct; C (salt moves in) is the idea that solute diffuses across a membrane that in this case blocks it; A (water moves in) is the idea that water moves toward the less salty side; and D is the idea that membranes hold water in. Students write a letter and one reason on a mini whiteboard, so a lucky guess looks different from understanding.\n\n' +
      'I set my decision rule in advance: if at least 80% chose B with a valid reason, we would go straight to the egg-in-syrup lab; if not, I would use the dialysis-tubing model to show which particles can cross. I also planned two smaller checks: a do-now prediction (minute 3) to find out what students already believed, and a second hinge question at minute 40 with the cell in distilled water, to see whether students could reverse the reasoning rather than memorize "the cell shrinks".\n\n' +
      'A correct response names water as the moving particle and explains its direction by the concentration of water or solute on each side. An incorrect but informative response names salt as moving, or says water moves "to where there is less salt".',
    evidence:
      'The video starts at minute 18 of the lesson. At 0:00 I give 30 seconds of silent think time and then say "boards up in 3, 2, 1", so every student shows their answer at the same time and no one can copy. From 0:06 to 0:12 I scan the boards and say what I see ("mostly B, one C, one A in this row") without saying which is right. I tallied the whole class on my clipboard: 21 B, 4 C, 2 A and 1 D. Of the 21 B answers, 17 gave a valid reason about water moving out; four wrote B with reasons such as "salt pulls the cell smaller", which sound right but do not name water.\n\n' +
      'So only 17 of 28 (61%) met my decision rule, below the 80% I had set, and the most common wrong idea was that salt enters the cell (S14\'s board: "salt goes in the cell, high to low concentration"). That told me that several students had learned "high to low" from our diffusion lesson and were applying it to the solute without asking whether the solute can cross. S22\'s board (A, "water moves in to the less salty side") showed the reverse idea: water moving toward less solute.\n\n' +
      'In the moment I decided that the salt misconception was shared widely enough to address with the whole class before the lab, rather than in a small group, because the lab would not make sense to anyone who believed the salt moves.',
    adjustment:
      'Instead of starting the lab at minute 20, I brought out the dialysis-tubing model I had prepared for this case. At 0:12 in the video I ask: "I see some C. Let\'s test it: can salt cross this membrane?" We put salt water inside the tubing, distilled water outside, and tested the outside water with a conductivity probe after five minutes. The reading did not change, so the salt had not crossed, but the tubing had visibly lost volume. At 0:19 a student says, "No, only the water can, so the water leaves the cell," which is the idea I wanted students to reach from the evidence rather than from me.\n\n' +
      'At 0:27 I gave the second hinge question: the same cell, now in distilled water. This time 26 of 28 boards showed A (water moves in, the cell swells), with reasons naming water. Two of the four students who had chosen C, S14 and S28, now gave a correct answer and reason. The two remaining incorrect answers came from S07 and S21, the other two, whom I checked in with during the lab.\n\n' +
      'The adjustment cost twelve minutes, so the egg lab moved to the next day. The osmosis quiz a week later (post_quiz in the CSV) shows the salt-misconception group close to the class average. The students who had chosen B for an incomplete reason also improved, which suggests that requiring a reason on the board was worth the extra time it took.',
  },
  lessonPlan: {
    title: 'Osmosis: which way does the water go?',
    unit: 'Unit 3: Cells and homeostasis (lesson 6 of 14)',
    date: 'Tuesday, September 22, 2026',
    duration: '55 minutes',
    standards: [
      'NGSS HS-LS1-3 Plan and conduct an investigation to provide evidence that feedback mechanisms maintain homeostasis',
      'NGSS SEP 2 Developing and using models',
      'NGSS CCC Systems and system models',
    ],
    objective:
      'Students will predict and explain the movement of water across a selectively permeable membrane in hypertonic, hypotonic and isotonic solutions, using the concentration of water and solute on each side.',
    successCriteria: [
      'say which particles can and cannot cross a cell membrane.',
      'predict which way water moves when the solute concentration differs on each side.',
      'explain what happens to a cell in salt water and in distilled water.',
    ],
    priorKnowledge:
      'Last week students investigated diffusion with food coloring and learned "particles move from high to low concentration". I expect some students to apply this to the solute and predict that salt moves into the cell. The hinge question is built to catch that.',
    materials: [
      'Do-now slide: a gummy bear left in water overnight',
      'Hinge-question slide and mini whiteboards (one per student)',
      'Dialysis-tubing model, salt solution, conductivity probe (prepared in case the hinge question shows the salt misconception)',
      'Egg-in-syrup lab materials (eggs soaked in vinegar on Monday)',
    ],
    sequence: [
      {
        time: '0-5',
        phase: 'Do-now',
        activity:
          'Students predict in writing what happened to a gummy bear left in water overnight and why. I circulate and read predictions.',
      },
      {
        time: '5-18',
        phase: 'Direct instruction',
        activity:
          'Selectively permeable membranes; the water-molecule animation; vocabulary (solute, solvent, hypertonic, hypotonic, isotonic) introduced through the animation, not before it.',
      },
      {
        time: '18-20',
        phase: 'Hinge question',
        activity: 'Red blood cell in 3% salt. 30 seconds think time, boards up together, letter plus one reason.',
      },
      {
        time: '20-40',
        phase: 'Branch',
        activity:
          'If 80% or more chose B with a valid reason: egg-in-syrup lab. Otherwise: dialysis-tubing model, class discussion of which particles crossed, then lab if time.',
      },
      {
        time: '40-45',
        phase: 'Second hinge',
        activity: 'Same cell in distilled water, boards up. Checks whether students can reverse the reasoning.',
      },
      {
        time: '45-55',
        phase: 'Exit',
        activity: 'One claim-evidence-reasoning sentence about the gummy bear, revisiting the do-now.',
      },
    ],
    checks: [
      {
        when: 'Minute 3',
        technique: 'Written do-now prediction, read while circulating',
        lookFor: 'Whether students think water or "gummy" moves; flags prior ideas before instruction.',
      },
      {
        when: 'Minute 18',
        technique: 'Hinge question on mini whiteboards, letter and one reason',
        lookFor:
          'B with water named = understands. C = solute crosses (diffusion overgeneralized). A = water moves toward less solute. D = membrane blocks water. Decision rule: 80% B with valid reason.',
      },
      {
        when: 'Minute 40',
        technique: 'Second hinge question, boards up',
        lookFor:
          'A (water in, cell swells) with water named. Students who switch letters but keep a salt reason still need help.',
      },
      {
        when: 'Minute 50',
        technique: 'CER exit sentence',
        lookFor: 'Claim names water movement; reasoning uses concentration on both sides.',
      },
    ],
    differentiation: [
      'Vocabulary cards with diagrams for multilingual learners; reasons may be written as a labeled sketch.',
      'Students with IEPs may answer the hinge question by pointing to a letter card and explaining orally.',
      'Extension: explain why a freshwater fish does not drink water.',
    ],
    assessment: {
      title: 'Hinge question (slide)',
      items: [
        'A red blood cell is placed in a 3% salt solution (inside the cell is about 0.9% salt). What happens? A: Water moves into the cell and it swells. B: Water moves out of the cell and it shrinks. C: Salt moves into the cell and it swells. D: Nothing: the membrane keeps water in.',
        'Second hinge question: the same cell is placed in distilled water. What happens, and why?',
      ],
    },
  },
  studentWork: {
    title: 'Hinge-question responses: mini whiteboards',
    task: 'Hinge question at minute 18: red blood cell in 3% salt solution (letter plus one reason)',
    intro: [
      'I photographed boards while students held them up, with their permission, and chose three that show the three ideas I had planned for. S06 represents the 17 students with a correct answer and reason; S14 and S22 represent the two misconceptions that changed my lesson.',
    ],
    samples: [
      {
        student: 'S06',
        image: 'g9-whiteboard-s06.jpg',
        group: 'Correct with reason',
        whyChosen: 'Typical of the 17 correct boards; her reason compares the water on each side.',
        annotations: [
          { rect: BOARD.letter, tone: 'strength', note: 'Correct answer, B.' },
          { rect: BOARD.diagram, tone: 'strength', note: 'The arrow shows water, not salt, leaving the cell.' },
          {
            rect: BOARD.line(1),
            tone: 'strength',
            note: 'Reasons with the water concentration: more solute outside means less water outside.',
          },
        ],
        commentary:
          'S06 explains the direction of water movement by the concentration of water on each side, which is the reasoning the objective asks for. Her board was one I pointed to after the second hinge question, when she reversed the reasoning correctly for distilled water.',
      },
      {
        student: 'S14',
        image: 'g9-whiteboard-s14.jpg',
        group: 'Salt moves in',
        whyChosen: 'The misconception shared by four students: diffusion of the solute.',
        annotations: [
          { rect: BOARD.letter, tone: 'concern', note: 'C: the solute crosses the membrane.' },
          {
            rect: BOARD.line(1),
            tone: 'concern',
            note: 'Uses "high to low" from the diffusion lesson, applied to salt.',
          },
          { rect: BOARD.line(2), tone: 'concern', note: 'Predicts swelling, the opposite of what happens.' },
        ],
        commentary:
          'S14 is applying the rule from last week correctly to the wrong particle. This is why I switched to the dialysis-tubing model: it lets students test whether salt crosses, instead of being told. On the second hinge question S14 chose A and wrote "water goes in, the salt can\'t move".',
      },
      {
        student: 'S22',
        image: 'g9-whiteboard-s22.jpg',
        group: 'Water toward less solute',
        whyChosen: 'Represents the 2 students who had the direction of water movement reversed.',
        annotations: [
          { rect: BOARD.line(0), tone: 'strength', note: 'Names water as the particle that moves.' },
          { rect: BOARD.line(1), tone: 'concern', note: '"To the less salty side": water direction reversed.' },
          { rect: BOARD.diagram, tone: 'concern', note: 'Arrow points into the cell.' },
        ],
        commentary:
          'S22 understands that water moves, which is an important part of the idea, but has the direction reversed. After the tubing demonstration she answered the second hinge question correctly, but I am not sure whether she reasoned it out or reversed her previous answer, so I asked her to explain it to me during the lab. She could.',
      },
    ],
  },
  dataAnalysis: {
    title: 'Checkpoint data: hinge questions and osmosis quiz',
    purpose:
      'This summary records what the first hinge question showed across the class, how I grouped the responses, and how each group did on the osmosis quiz a week later compared with the cell-transport pre-quiz.',
    groupChartNote:
      'Seventeen of 28 students (61%) gave B with a valid reason, below my decision rule of 80%. Four more chose B with a reason that did not name water. Four chose C (salt moves in) and three held other ideas (two A, one D).',
    prePostNote:
      'All groups improved. The students who chose C started close to the class average on the pre-quiz, which fits the idea that their problem was a misapplied rule rather than missing knowledge, and they finished close to the average after the tubing demonstration.',
    findings: [
      "The salt misconception came from overgeneralizing last week's diffusion rule, not from lack of knowledge.",
      'Requiring a reason exposed four students whose correct letter hid an incomplete understanding.',
      'After the demonstration, 26 of 28 students answered the second hinge question correctly, with a reason naming water.',
    ],
    nextSteps: [
      'Check in with S07 and S21 during the egg lab (both still gave a salt reason on the second hinge question).',
      'Open the next lesson with a three-item check mixing hypertonic and hypotonic cases.',
      'Revise the diffusion lesson for next year so that it asks which particles can cross.',
    ],
  },
  reflection: {
    title: 'Reflection: planning for the branch',
    sections: [
      {
        heading: 'Planning the checkpoint',
        paragraphs: [
          'In previous years I taught this lesson straight through and found out at the unit test that a third of the class believed salt moved into cells. This year I designed the hinge question so that each wrong answer told me something, and I decided in advance what I would do if fewer than 80% got it right. Having the tubing model prepared is what made it possible to change course in the moment rather than promise to "review it tomorrow".',
          'Requiring a reason on the board was the most valuable part of the design. Without it I would have counted 21 of 28 correct, 75%, and I might have gone ahead with the lab. The four students whose reasons did not mention water would have been invisible.',
        ],
      },
      {
        heading: 'Reading the boards',
        paragraphs: [
          'Scanning 28 boards in a few seconds is harder than it looks. I tallied the letters quickly and then read the reasons of everyone who chose C or A, which is why I could say on video which misconception was most common. Next time I will seat students so that I can photograph the boards row by row; it would make the tally more accurate and give me a record for every student.',
          'I deliberately did not say which answer was correct when I scanned the boards. I wanted the tubing model to do that work, and I think it was more convincing to the students who chose C to see the conductivity reading stay flat than to hear me tell them.',
        ],
      },
      {
        heading: 'The adjustment and its effect',
        paragraphs: [
          'The demonstration took twelve minutes and pushed the egg lab to the next day. I think that was the right trade. The second hinge question showed that almost everyone could reason about the opposite case, and the quiz a week later confirmed it.',
          'Two students, S07 and S21, still gave a salt reason on the second hinge question. I checked in with both during the lab, and S21 could explain the result by the end. S07 is still unsure. I have paired him with S06 for the next lab.',
        ],
      },
      {
        heading: 'What I will do differently',
        bullets: [
          'Write a hinge question, with a planned branch, for every lesson where later content depends on one idea.',
          'Always ask for a reason with the letter.',
          'Photograph boards row by row to keep a record.',
          'Give the students who were secure a purposeful task during the branch; some waited during the demonstration.',
        ],
      },
    ],
  },
  results: {
    seed: 5531,
    columns: { pre: 'pre_quiz', task: 'hinge_q1', post: 'post_quiz' },
    names: { pre: 'Cell-transport pre-quiz', task: 'Hinge question', post: 'Osmosis quiz' },
    maxima: { pre: 8, task: 2, post: 8 },
    groups: [
      {
        id: 'correct-reason',
        label: 'B with reason',
        description: 'Water moves out and the cell shrinks; the reason compares water or solute concentration.',
        students: [1, 2, 3, 5, 6, 8, 9, 11, 12, 13, 16, 18, 19, 20, 24, 25, 27],
        task: 2,
        pre: [4, 7],
        post: [6, 8],
        notes: ['B, water out', 'B, explains concentration', 'B; 2nd hinge A'],
      },
      {
        id: 'correct-letter',
        label: 'B, reason incomplete',
        description: 'Correct letter, but the reason does not mention water (e.g. "salt squeezes the cell").',
        students: [4, 10, 17, 26],
        task: 1,
        pre: [3, 6],
        post: [5, 8],
        notes: ['B, "salt pulls cell"', 'B, no particle named'],
      },
      {
        id: 'salt-moves',
        label: 'C: salt moves in',
        description: 'Salt crosses the membrane from high to low concentration and the cell swells.',
        students: [7, 14, 21, 28],
        task: 0,
        pre: [4, 6],
        post: [6, 8],
        notes: ['C, salt high to low', 'C; A on 2nd hinge', 'C; check in at lab'],
      },
      {
        id: 'other',
        label: 'A or D',
        description: 'Water moves toward less solute (A), or the membrane blocks water (D).',
        students: [15, 22, 23],
        task: 0,
        pre: [2, 5],
        post: [5, 7],
        notes: ['A, water to less salty side', 'D, membrane blocks water'],
      },
    ],
  },
  media: [
    {
      id: 'video',
      file: 'g9-biology-osmosis-hinge-question.webm',
      title: 'Hinge question and adjustment (lesson minutes 18-40, excerpt)',
      description:
        'Unedited excerpt, 38 s. 0:00 boards up; 0:06 I scan and name the pattern; 0:12 "can salt cross this membrane?" and the dialysis-tubing model; 0:19 a student concludes only water crosses; 0:27 second hinge question, boards up. Consent on file.',
      promptId: 'evidence',
    },
    {
      id: 'hinge-slide',
      file: 'g9-hinge-question-slide.png',
      title: 'Hinge-question slide as projected',
      description: 'The four options and the instructions students saw at minute 18.',
      promptId: 'plan',
    },
  ],
};
