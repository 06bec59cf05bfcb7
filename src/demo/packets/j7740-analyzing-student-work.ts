import { rows } from '../media-geometry';
import type { DemoPacketSpec } from '../spec';

/** Analyzing student work, grade 10 English: argument paragraphs; includes an audio voice memo. */
export const j7740AnalyzingStudentWork: DemoPacketSpec = {
  slug: 'j-7740-analyzing-student-work',
  packetId: '6a0f3e58-c2d7-4e19-b4a6-8d35f1c9e270',
  credentialId: 'analyzing-student-work',
  pseudonym: 'Candidate J-7740',
  submittedAt: '2026-11-02T20:26:00-05:00',
  attempt: { number: 1, previous: [] },
  setting: {
    grade: 'Grade 10',
    subject: 'English Language Arts',
    classLabel: 'Period 2 (27 students)',
    school: 'Public high school, suburban district',
    dates: 'October 6-20, 2026',
  },
  responses: {
    selection:
      'The task was the first body paragraph of an argument essay on whether our school should move its start time from 7:20 to 8:45. Students had a packet of three sources: the American Academy of Pediatrics policy statement on adolescent sleep, a district transportation study, and a survey of our own students. The paragraph addressed W.9-10.1: introduce a precise claim and support it with relevant evidence and reasoning.\n\n' +
      'The success criteria were on the four-trait rubric we built from two model paragraphs in the previous lesson: a precise claim; relevant evidence from a source, introduced and cited; reasoning that explains how the evidence supports the claim; and, to exceed, a counterclaim answered with evidence. Each trait is scored 1 to 4, so paragraphs are scored out of 16.\n\n' +
      "I read all 27 paragraphs before choosing samples and sorted them by the highest trait each paragraph reached, because the traits build on each other. That gave four groups: 3 paragraphs that also answer a counterclaim, 9 with claim, evidence and reasoning, 10 that drop evidence in without reasoning, and 5 that support the claim only with personal opinion. I chose S05, S12 and S21 because they stand for the top group and the two largest groups that had not met the criteria. I did not include a sample from the middle group because its paragraphs look like S05's without the counterclaim. S12's paragraph is the most common pattern in the class: ten students, more than a third, wrote paragraphs like it.",
    patterns:
      'The strongest pattern is that most students can find and cite evidence: 22 of 27 quoted or paraphrased a source and named it. That is real progress from the diagnostic in September, when fewer than half cited anything. The gap is what happens after the quotation.\n\n' +
      'Ten students "drop" the evidence: they quote it and then restate the claim. S12 quotes "73% of high school students do not get enough sleep on school nights" and follows it with "So school should start later". The quotation is relevant, but the paragraph never explains why a lack of sleep means a later start would help. When I conferenced with S12, he said he thought the quote "proves it by itself". I think this is the misconception behind the whole group: they treat evidence as self-explanatory, so they see reasoning as repetition.\n\n' +
      'Five students support their claim with personal experience only. S21 writes "I am always tired in first period and so are my friends". This group does not yet treat the sources as the place where support comes from; three of the five did not open the source packet during the drafting time.\n\n' +
      'The students who met the criteria do something specific in their reasoning: they explain the mechanism. S05 connects the AAP evidence to learning with "a tired brain cannot focus or remember", and she addresses the cost argument with the district study. The difference between S05 and S12 is not the quality of the evidence; it is one or two sentences of reasoning. That is why I focused my next steps on reasoning.',
    'next-steps':
      'I regrouped the class for two lessons. The evidence-drop group (10) worked with me on a "because, which means" routine: after each quotation, write a sentence starting "This shows that..." and a second that connects it to the claim. We practised on anonymized sentences from their own drafts first, since seeing a paragraph like theirs improved by two sentences was more convincing than a model. The opinion group (5) did a source hunt: for each personal reason in their draft, find a source sentence that makes the same point, then replace or support their experience with it. The nine students who met the criteria and the three who exceeded them worked on counterclaims, using the transportation study to answer the cost objection.\n\n' +
      'Every student got written feedback on one trait, the one their group was working on, with a specific next step, for example "After the 73% quote, explain why a lack of sleep means a later start would help learning." They revised the paragraph in class on October 16, with the feedback and the rubric next to them. I also held short conferences with five students; the voice memo is my summary of one with S12.\n\n' +
      'The revised paragraphs (post column in the CSV) show the effect. Eight of the ten in the evidence-drop group now explain at least one piece of evidence. All five in the opinion group now cite a source, although two still do not explain it. Four of the nine in the middle group added a counterclaim. I will check reasoning again in the second body paragraph, which students write independently.',
  },
  lessonPlan: {
    title: 'Argument body paragraph: claim, evidence, reasoning',
    unit: 'Unit 2: Argument writing - "Should school start later?" (lessons 4-6)',
    date: 'Tuesday, October 6, 2026 (drafting); revision October 16',
    duration: 'Two 50-minute periods (drafting and feedback), one period of revision',
    standards: [
      'CCSS.ELA-LITERACY.W.9-10.1.A Introduce precise claims',
      'CCSS.ELA-LITERACY.W.9-10.1.B Develop claims and counterclaims fairly, supplying evidence for each',
      'CCSS.ELA-LITERACY.W.9-10.5 Develop and strengthen writing by revising',
    ],
    objective:
      'Students will write an argument body paragraph that states a precise claim, supports it with cited evidence from the source packet, and explains how the evidence supports the claim.',
    successCriteria: [
      'state a claim that someone could disagree with.',
      'introduce and cite evidence from a source.',
      'explain how my evidence supports my claim, in my own words.',
      'answer a counterclaim with evidence (to exceed).',
    ],
    priorKnowledge:
      'On the September diagnostic, 12 of 27 students cited a source and 6 explained their evidence. In lessons 2 and 3 we annotated two model paragraphs and built the four-trait rubric from them.',
    materials: [
      'Source packet: AAP policy statement (excerpt), district transportation study (summary), student sleep survey',
      'Four-trait rubric (co-constructed, lesson 3)',
      'Two model paragraphs with annotations',
      'Highlighters: yellow for claim, green for evidence, blue for reasoning',
    ],
    sequence: [
      {
        time: '0-10',
        phase: 'Warm-up',
        activity: 'Students color-code a new short paragraph with the three highlighters and compare with a partner.',
      },
      {
        time: '10-20',
        phase: 'Mini-lesson',
        activity:
          'I think aloud while writing a paragraph on a different question (cell phones in class), stopping after the evidence to ask "so what?"',
      },
      {
        time: '20-45',
        phase: 'Drafting',
        activity:
          'Students draft their first body paragraph by hand. I confer with students who had no citation in September.',
      },
      {
        time: '45-50',
        phase: 'Self-check',
        activity: 'Students highlight their own draft in three colours and note which colour is missing.',
      },
    ],
    checks: [
      {
        when: 'Minute 8',
        technique: 'Highlighter warm-up, pairs compare',
        lookFor: 'Students distinguish reasoning (blue) from restating the claim.',
      },
      {
        when: 'Drafting',
        technique: 'Conferences with flagged students',
        lookFor: 'Whether the draft uses the source packet at all.',
      },
      {
        when: 'Minute 48',
        technique: 'Self-highlighting',
        lookFor: 'Students who report no blue: likely evidence-drop paragraphs.',
      },
    ],
    differentiation: [
      'Sentence starters for reasoning: "This shows that...", "This matters because...".',
      'Source packet with key sentences pre-highlighted for four students with IEP reading goals.',
      'Students may type the draft if their plan allows.',
    ],
    assessment: {
      title: 'Task prompt given to students',
      items: [
        'Write the first body paragraph of your argument: Should our school start at 8:45 instead of 7:20? State your claim, support it with at least one piece of evidence from the source packet, and explain how the evidence supports your claim. To exceed: answer a counterclaim.',
      ],
    },
    extraSections: [
      {
        heading: 'Four-trait rubric (each trait 1-4)',
        bullets: [
          'Claim: precise and arguable; not a fact or a topic.',
          'Evidence: relevant, introduced, and cited to a source in the packet.',
          'Reasoning: explains in the writer\'s own words how the evidence supports the claim (the "so what").',
          'Counterclaim: a fair opposing view, answered with evidence (required to exceed).',
        ],
      },
    ],
  },
  studentWork: {
    title: 'Annotated writing samples: argument body paragraphs',
    task: 'First body paragraph, drafted by hand October 6: "Should our school start later?"',
    intro: [
      "I sorted all 27 paragraphs by the highest rubric trait each one reached. The three samples represent the top group (S05) and the two largest groups that did not yet meet the criteria (S12 and S21). Annotations use the rubric's language.",
    ],
    samples: [
      {
        student: 'S05',
        image: 'g10-paragraph-s05.jpg',
        group: 'Exceeds: answers a counterclaim',
        whyChosen: 'One of 3 paragraphs that answer a counterclaim; the reasoning is also the clearest in the class.',
        annotations: [
          { rect: rows(0), tone: 'strength', note: 'Precise, arguable claim.' },
          { rect: rows(1, 3), tone: 'strength', note: 'Evidence introduced and attributed to the AAP source.' },
          {
            rect: rows(6, 3),
            tone: 'strength',
            note: 'Reasoning explains the mechanism: why lack of sleep works against learning.',
          },
          { rect: rows(9, 2), tone: 'strength', note: 'Counterclaim answered with evidence from the district study.' },
        ],
        commentary:
          'S05 meets every trait. The sentence "a tired brain cannot focus or remember" is the step most students skip. Her next step is to quote the district study precisely rather than paraphrase it.',
      },
      {
        student: 'S12',
        image: 'g10-paragraph-s12.jpg',
        group: 'Evidence without reasoning',
        whyChosen: 'The most common pattern: 10 students quote relevant evidence and then restate the claim.',
        annotations: [
          { rect: rows(1, 3), tone: 'strength', note: 'Relevant evidence, quoted and attributed.' },
          { rect: rows(4), tone: 'concern', note: 'Restates the claim where reasoning should be: no "so what".' },
          { rect: rows(6, 2), tone: 'concern', note: 'A new reason with no evidence; the paragraph loses focus.' },
        ],
        commentary:
          'S12 finds good evidence but believes it speaks for itself, as he told me in conference. His revision added two sentences after the quotation explaining that students who are short of sleep cannot concentrate in early classes.',
      },
      {
        student: 'S21',
        image: 'g10-paragraph-s21.jpg',
        group: 'Opinion only',
        whyChosen: 'Represents the 5 students who support the claim with personal experience only.',
        annotations: [
          { rect: rows(0), tone: 'strength', note: 'A clear claim.' },
          { rect: rows(1, 3), tone: 'concern', note: 'Support is personal experience; no source is used.' },
          { rect: rows(4, 2), tone: 'concern', note: 'Generalizes ("everyone would be happier") without evidence.' },
        ],
        commentary:
          "S21's own experience is real and could become good reasoning, but the paragraph does not yet draw on the sources. In the source hunt she found the survey result that matches her experience; her revision cites it.",
      },
    ],
  },
  dataAnalysis: {
    title: 'Class analysis: argument paragraphs',
    purpose:
      'I analyzed all 27 first drafts against the four-trait rubric to find where students stop on the way from claim to reasoning, then compared the September diagnostic paragraph with the revised paragraph written after feedback. Both paragraphs were scored with the same rubric, out of 16.',
    groupChartNote:
      'Twelve of 27 students met or exceeded the criteria. The largest group (10) cited relevant evidence but did not explain it. Five used personal opinion only.',
    prePostNote:
      'Every group improved from the diagnostic to the revision. The largest gains are in the evidence-drop group, whose revisions added reasoning; the opinion group also gained, mostly by citing sources for the first time.',
    findings: [
      '22 of 27 students cited a source, compared with 12 of 27 on the September diagnostic.',
      'Reasoning is the main gap: 15 students stop at evidence or at opinion.',
      'The evidence-drop group believes evidence is self-explanatory (confirmed in conferences with S12 and two others).',
      'Three of the five opinion-only students did not open the source packet while drafting.',
    ],
    nextSteps: [
      'Evidence-drop group: "This shows that... which means..." routine, practised on their own anonymized sentences.',
      'Opinion group: source hunt to match each personal reason to a source sentence.',
      'Students who met the criteria: counterclaims with the transportation study.',
      'Check reasoning again in body paragraph 2, written independently.',
    ],
  },
  reflection: {
    title: 'Reflection: what the paragraphs taught me about reasoning',
    sections: [
      {
        heading: 'Looking at the whole set',
        paragraphs: [
          'I usually grade argument paragraphs one at a time with the rubric and write comments as I go. This time I read the whole set first without scoring, then sorted it. That took longer on the first evening, but it changed what I saw. Scored individually, S12\'s paragraph is a 10 out of 16 with the comment "explain your evidence". Seen next to nine other paragraphs with the same shape, it is a pattern, and a pattern has a cause I can teach to.',
          'The cause surprised me. I had assumed students skip reasoning because it is hard to write. The conferences suggested something different: several students thought the evidence did the work and that explaining it would be repeating themselves. That is a belief about what argument is, and no amount of "explain more" in the margin would change it.',
        ],
      },
      {
        heading: 'Conference with S12 (transcript of my voice memo)',
        paragraphs: [
          '"Conference with S12, October 14, about four minutes. He says the 73 percent quote proves it by itself. I asked him to read the quote and then tell me, out loud, why that means school should start later. He said, because if you are tired you can\'t pay attention in first period, so you learn less. I told him: that sentence is your reasoning, write exactly that. He wrote it under the quote. Next time, check whether he does it without me asking the question."',
          'I recorded this memo in the car straight after school, because I wanted to remember what he said in his own words. It is included as audio evidence.',
        ],
      },
      {
        heading: 'What worked',
        paragraphs: [
          "Practising on anonymized sentences from students' own drafts worked better than the model paragraphs had. The students recognised their own writing, and seeing a paragraph like theirs improved by one or two sentences made the gap look small and achievable.",
          "Focusing each student's written feedback on one trait also helped. In the past I have written four or five comments per paragraph, and students have acted on none of them. This time almost every student changed the part of the paragraph the comment was about.",
        ],
      },
      {
        heading: 'What I would change',
        paragraphs: [
          'The opinion group needed more than a source hunt. Two of the five cited a source in the revision but placed it next to their opinion without connecting them, so they have moved into the evidence-drop pattern. They will join that group for the next paragraph.',
          'I also want students to do the sorting. Next unit, I plan to give groups a set of anonymized paragraphs and have them sort by highest trait reached before they look at their own.',
        ],
      },
    ],
  },
  results: {
    seed: 7740,
    columns: { pre: 'diagnostic_16', task: 'draft_level', post: 'revision_16' },
    names: { pre: 'September diagnostic', task: 'Draft level', post: 'Revised paragraph' },
    maxima: { pre: 16, task: 4, post: 16 },
    groups: [
      {
        id: 'exceeds',
        label: 'Counterclaim answered',
        description: 'Claim, cited evidence and reasoning, plus a counterclaim answered with evidence.',
        students: [5, 16, 25],
        task: 4,
        pre: [11, 13],
        post: [14, 16],
        notes: ['counterclaim with district study', 'clearest reasoning in class'],
      },
      {
        id: 'reasoned',
        label: 'Claim, evidence, reasoning',
        description: 'Cited evidence and reasoning that explains it; no counterclaim.',
        students: [1, 3, 7, 9, 11, 18, 20, 23, 26],
        task: 3,
        pre: [9, 12],
        post: [11, 14],
        notes: ['explains evidence', 'next: counterclaim', 'added counterclaim in revision'],
      },
      {
        id: 'evidence-drop',
        label: 'Evidence, no reasoning',
        description: 'Relevant evidence quoted and cited, followed by a restatement of the claim.',
        students: [2, 4, 6, 8, 10, 12, 14, 17, 22, 27],
        task: 2,
        pre: [6, 9],
        post: [11, 13],
        notes: ['quote then restates claim', '"the quote proves it"', 'because-which-means group'],
      },
      {
        id: 'opinion',
        label: 'Opinion only',
        description: 'Claim supported by personal experience; no source used.',
        students: [13, 15, 19, 21, 24],
        task: 1,
        pre: [4, 7],
        post: [7, 10],
        notes: ['no source', 'source hunt group', 'did not open packet'],
      },
    ],
  },
  media: [
    {
      id: 'conference-memo',
      file: 'g10-writing-conference-memo.ogg',
      title: 'Voice memo: writing conference with S12',
      description:
        'Recorded straight after a four-minute conference on October 14 (20 s). A transcript is in the reflection, section 2.',
      promptId: 'next-steps',
    },
  ],
};
