import { BLOCKS_AREA, rows } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/**
 * Checking for understanding, grade 2 math: an INCOMPLETE packet. The required video and the
 * reflection are missing and the third prompt is unanswered, so an assessor should mark it
 * Unscorable (missing evidence) rather than score it low. It is still a valid packet.
 */
export const t1186CheckingUnderstandingIncomplete: DemoPacketSpec = {
  slug: 't-1186-checking-for-understanding',
  packetId: '2e6b8d14-9a3f-4f07-a2c8-5b91e4d0c7a3',
  credentialId: 'checking-for-understanding',
  pseudonym: 'Candidate T-1186',
  submittedAt: '2026-10-30T23:51:00-05:00',
  attempt: { number: 1, previous: [] },
  setting: {
    grade: 'Grade 2',
    subject: 'Mathematics',
    classLabel: 'Room 104 (22 students)',
    school: 'Public elementary school, suburban district',
    dates: 'October 15-22, 2026',
  },
  responses: {
    plan:
      'My second graders are learning that the two digits of a two-digit number stand for tens and ones (2.NBT.A.1). In this lesson students built numbers with base-ten blocks and then drew them. I planned three checks. At minute 10, after building 34 together, every student built 52 at their table while I walked the room; I was looking for students who took five rods rather than counting out fifty-two cubes. At minute 20, students drew 27 on whiteboards with "sticks and dots" and held them up, so I could see who was still drawing every one. At the end, each student completed a check-in sheet: show 46 with tens and ones, and tell the value of the 4.\n\n' +
      'I placed the last check at the end of the lesson because the next lesson, comparing numbers, depends on students knowing that the 4 in 46 means forty. A correct response draws four rods and six cubes and says the 4 is worth 40. The wrong answers I expected were drawing 6 tens and 4 ones (reading the number backwards) and saying the 4 is worth 4, which shows a student who can build the number but still reads each digit as its face value.',
    evidence:
      'At the table check every student had to build 52 with their own tub of blocks, so I could see each pair of hands, not only the students who like to answer. Most students took five rods for the tens, but four students counted out single cubes, and two of them lost count before fifty. At the whiteboard check all 22 boards went up together, and I saw the same four students drawing long rows of dots instead of sticks. That told me the drawing was not the problem for them: they do not yet see ten ones as one ten.\n\n' +
      'On the check-in sheet, 12 of 22 students drew 46 correctly and said the 4 is worth 40. Five students, like S15, drew the blocks correctly but wrote that the 4 is worth 4, so their drawings hid a misunderstanding about the value of the digit. Three students, like S08, drew six tens and four ones, and two students drew 46 single cubes. I will add the timestamps from my video when I am able to upload it.',
    adjustment: '',
  },
  lessonPlan: {
    title: 'Tens and ones: building and drawing two-digit numbers',
    unit: 'Unit 3: Place value to 100 (lesson 4 of 11)',
    date: 'Thursday, October 15, 2026',
    duration: '45 minutes (math block)',
    standards: [
      'CCSS.MATH.2.NBT.A.1 Understand that the two digits of a two-digit number represent amounts of tens and ones',
      'SMP 7 Look for and make use of structure',
    ],
    objective:
      'Students will represent a two-digit number with tens and ones using base-ten blocks and drawings, and tell the value of each digit.',
    successCriteria: [
      'build a number with rods (tens) and cubes (ones).',
      'draw a number with sticks and dots.',
      'tell what each digit is worth.',
    ],
    priorKnowledge:
      'Students count to 120 and made bundles of ten straws in lesson 2. Some still count every cube one at a time, and a few write teen numbers backwards (e.g. 61 for 16).',
    materials: [
      'Base-ten blocks in a tub for each table',
      'Personal whiteboards and markers',
      'Check-in sheet (2 questions)',
      'Place-value mat (tens and ones columns)',
    ],
    sequence: [
      {
        time: '0-8',
        phase: 'Number talk',
        activity: 'Quick images of bundled straws; students say how many and how they knew without counting by ones.',
      },
      {
        time: '8-15',
        phase: 'Build together',
        activity: 'We build 34 on the place-value mat. Then each student builds 52 alone (table check).',
      },
      {
        time: '15-25',
        phase: 'Draw',
        activity: 'I model sticks and dots. Students draw 27 on whiteboards and hold them up (whiteboard check).',
      },
      {
        time: '25-38',
        phase: 'Partner practice',
        activity: 'One partner builds, the other draws; they swap and check each other with the mat.',
      },
      { time: '38-45', phase: 'Check-in', activity: 'Check-in sheet, independently.' },
    ],
    checks: [
      {
        when: 'Minute 10',
        technique: 'Table check: everyone builds 52',
        lookFor: 'Five rods and two cubes, without counting all 52. Students counting cubes join me at the carpet.',
      },
      {
        when: 'Minute 20',
        technique: 'Whiteboards held up together',
        lookFor: 'Two sticks and seven dots. Drawing rows of dots means the student is not yet using tens.',
      },
      {
        when: 'Minute 38',
        technique: 'Check-in sheet',
        lookFor: 'Four rods, six cubes, and "40" for the value of the 4. "64" or "4" show different misunderstandings.',
      },
    ],
    differentiation: [
      'Students who count by ones work with me at the carpet with bundled straws before moving to rods.',
      'Numbers to 50 only for the two students with IEP goals in number sense.',
      'Challenge: show 46 a different way (3 tens and 16 ones).',
    ],
    assessment: {
      title: 'Check-in sheet',
      items: ['Show 46 using tens and ones. Draw your blocks.', 'What is the value of the 4 in 46?'],
    },
  },
  studentWork: {
    title: 'Check-in samples: tens and ones',
    task: 'Check-in sheet, Thursday 10/15: show 46 with tens and ones; the value of the 4',
    intro: [
      'I chose one check-in from each of the three main groups in my class. Two students who drew single cubes are not shown; their sheets were too faint to photograph clearly.',
    ],
    samples: [
      {
        student: 'S02',
        image: 'g2-place-value-s02.jpg',
        group: 'Secure',
        whyChosen: 'Typical of the 12 students who met the objective.',
        annotations: [
          { rect: BLOCKS_AREA, tone: 'strength', note: 'Four rods and six cubes, drawn as tens and ones.' },
          { rect: rows(5), tone: 'strength', note: 'Connects the drawing to the number: 4 tens and 6 ones = 46.' },
          { rect: rows(7), tone: 'strength', note: 'The 4 is worth 40.' },
        ],
        commentary: 'S02 builds, draws and names the value of each digit. She was ready for comparing numbers.',
      },
      {
        student: 'S08',
        image: 'g2-place-value-s08.jpg',
        group: 'Reversed tens and ones',
        whyChosen: 'One of 3 students who drew 6 tens and 4 ones.',
        annotations: [
          { rect: BLOCKS_AREA, tone: 'concern', note: 'Six rods and four cubes: the digits are reversed.' },
          {
            rect: rows(5),
            tone: 'concern',
            note: 'Describes his drawing accurately, so the drawing is not the problem.',
          },
          { rect: rows(7), tone: 'concern', note: 'Face value: the 4 is worth 4.' },
        ],
        commentary:
          'S08 can build and describe a number; he reads 46 from the right. He also writes some teen numbers backwards, so I think this is about reading the digits in order rather than about tens and ones.',
      },
      {
        student: 'S15',
        image: 'g2-place-value-s15.jpg',
        group: 'Digit as face value',
        whyChosen: 'One of 5 students whose drawing was correct but who said the 4 is worth 4.',
        annotations: [
          { rect: BLOCKS_AREA, tone: 'strength', note: 'Correct drawing: four rods, six cubes.' },
          { rect: rows(7), tone: 'concern', note: 'The 4 is worth 4: she does not yet connect the rods to forty.' },
        ],
        commentary:
          'S15 shows why the value question matters: her drawing alone would suggest she understands. She can build 46 but still thinks of the 4 as four of something without saying that each one is a ten.',
      },
    ],
  },
  dataAnalysis: {
    title: 'Check-in results: tens and ones',
    purpose:
      'I sorted the check-in sheets by what each showed about place value and compared the groups with the beginning-of-year screener and the unit check.',
    groupChartNote:
      'Twelve of 22 students were secure. The other ten fall into three groups: face value (5), reversed digits (3) and counting by ones (2).',
    prePostNote:
      'All groups grew between the screener and the unit check. The two students who counted by ones started and finished lowest.',
    findings: [
      'Drawing the blocks correctly did not always mean understanding the value of the digits (5 students).',
      'The three students who reversed the digits also reverse teen numbers when writing.',
      'The same two students counted by ones at every check in the lesson.',
    ],
    nextSteps: [
      'Face-value group: say each number both ways ("4 tens 6 ones", "40 and 6").',
      'Reversed group: read and write numbers left to right with the place-value mat.',
      'Counting by ones: bundling straws again before rods.',
    ],
  },
  results: {
    seed: 1186,
    columns: { pre: 'screener', task: 'check_in', post: 'unit_check' },
    names: { pre: 'Place-value screener', task: 'Check-in', post: 'Unit check' },
    maxima: { pre: 10, task: 2, post: 10 },
    groups: [
      {
        id: 'secure',
        label: 'Secure',
        description: 'Four tens and six ones drawn; the 4 is worth 40.',
        students: [1, 2, 3, 5, 6, 9, 11, 12, 16, 18, 20, 22],
        task: 2,
        pre: [5, 8],
        post: [8, 10],
        notes: ['ready to compare', 'secure', 'used sticks and dots'],
      },
      {
        id: 'face-value',
        label: 'Face value',
        description: 'Correct drawing; says the 4 is worth 4.',
        students: [4, 10, 15, 17, 21],
        task: 1,
        pre: [3, 6],
        post: [6, 8],
        notes: ['value of 4 = 4', 'say it both ways'],
      },
      {
        id: 'reversed',
        label: 'Reversed digits',
        description: 'Drew 6 tens and 4 ones.',
        students: [7, 8, 14],
        task: 0,
        pre: [3, 5],
        post: [5, 8],
        notes: ['64', 'reverses teen numbers too'],
      },
      {
        id: 'ones',
        label: 'Counted by ones',
        description: 'Drew 46 single cubes; did not use tens.',
        students: [13, 19],
        task: 1,
        pre: [1, 3],
        post: [4, 5],
        notes: ['counted every cube', 'straw bundles with me'],
      },
    ],
  },
  media: [],
  notes: [
    {
      id: 'note-to-assessors',
      file: 'note-to-assessors.txt',
      title: 'Note to assessors',
      description: 'Why the video and reflection are not included.',
      text:
        'Note to assessors\n\n' +
        'My video is not included. Two families have not yet returned the recording consent form,\n' +
        'and our district does not allow me to submit video of students without it. I am submitting\n' +
        'the rest of my packet now so that it is in before the window closes, and I have not written\n' +
        'my answer to the third prompt or my reflection because both depend on the video.\n' +
        'I understand this packet may not be scorable without them.\n',
    },
  ],
};
