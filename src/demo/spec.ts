import type { PreviousAttempt } from '../shared/packet/manifest';

/**
 * What one demo packet is made of, as data. The writers in this folder turn a spec into the
 * packet's source folder: PDFs, CSV, copied media and manifest.json.
 */
export interface DemoPacketSpec {
  /** Folder name, e.g. "k-4172-exit-tickets". */
  slug: string;
  /** Fixed v4 UUID so the demo set is reproducible. */
  packetId: string;
  /** Id of a credential file in resources/demo/credentials. */
  credentialId: string;
  pseudonym: string;
  submittedAt: string;
  attempt: { number: number; previous: PreviousAttempt[] };
  /** Class facts shown on the documents' title blocks. */
  setting: ClassSetting;
  /** Response per credential prompt id; '' leaves a prompt unanswered. */
  responses: Record<string, string>;
  lessonPlan?: LessonPlanSpec;
  studentWork?: StudentWorkSpec;
  dataAnalysis?: DataAnalysisSpec;
  reflection?: ReflectionSpec;
  results: ResultsSpec;
  /** Files copied from resources/demo/media. */
  media: MediaEvidenceSpec[];
  /** Plain-text evidence written from the spec. */
  notes?: NoteEvidenceSpec[];
}

export interface ClassSetting {
  grade: string;
  subject: string;
  classLabel: string;
  school: string;
  dates: string;
}

export interface MediaEvidenceSpec {
  /** Evidence id; "video" for the credential's required video. */
  id: string;
  /** File name in resources/demo/media. */
  file: string;
  title: string;
  description: string;
  promptId?: string;
}

export interface NoteEvidenceSpec {
  id: string;
  file: string;
  title: string;
  description: string;
  text: string;
}

export interface Section {
  heading: string;
  paragraphs?: string[];
  bullets?: string[];
}

export interface LessonPlanSpec {
  title: string;
  unit: string;
  date: string;
  duration: string;
  standards: string[];
  objective: string;
  successCriteria: string[];
  materials: string[];
  priorKnowledge: string;
  sequence: { time: string; phase: string; activity: string }[];
  /** Planned checks for understanding: when, how, and what to look for. */
  checks: { when: string; technique: string; lookFor: string }[];
  differentiation: string[];
  assessment: { title: string; items: string[] };
  extraSections?: Section[];
}

/** A rectangle in image pixels, origin top-left (as drawn by scripts/make-demo-media.sh). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Annotation {
  rect: PixelRect;
  note: string;
  tone: 'strength' | 'concern';
}

export interface WorkSampleSpec {
  student: string;
  /** File name in resources/demo/media. */
  image: string;
  group: string;
  whyChosen: string;
  annotations: Annotation[];
  commentary: string;
}

export interface StudentWorkSpec {
  title: string;
  task: string;
  intro: string[];
  samples: WorkSampleSpec[];
}

export interface DataAnalysisSpec {
  title: string;
  purpose: string;
  /** Read alongside Figure 1 (students per response group). */
  groupChartNote: string;
  /** Read alongside Figure 2 (pre and post means per group). */
  prePostNote: string;
  findings: string[];
  nextSteps: string[];
}

export interface ReflectionSpec {
  title: string;
  sections: Section[];
}

/**
 * The class's assessment results, defined by response group so that the prose (which cites
 * group sizes and particular students) and the generated CSV always agree.
 */
export interface ResultsSpec {
  seed: number;
  /** CSV column names for the three scores, e.g. pre_quiz / exit_ticket / post_quiz. */
  columns: { pre: string; task: string; post: string };
  /** Human names of the three measures, for the analysis document. */
  names: { pre: string; task: string; post: string };
  maxima: { pre: number; task: number; post: number };
  groups: ResultGroupSpec[];
}

export interface ResultGroupSpec {
  id: string;
  label: string;
  description: string;
  /** Student numbers (1-based, S01 = 1). Every student belongs to exactly one group. */
  students: number[];
  /** Score on the task itself (the same for the whole group); null when not submitted. */
  task: number | null;
  /** Inclusive ranges the pre and post scores are drawn from. */
  pre: [number, number];
  post: [number, number];
  /** Teacher notes, given out in turn to the group's students. */
  notes: string[];
}
