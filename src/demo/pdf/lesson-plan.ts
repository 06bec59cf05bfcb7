import type { ClassSetting, LessonPlanSpec } from '../spec';
import { DocWriter, type DocMeta } from './layout';

/** A lesson plan in the layout most preparation programs ask for; 2-4 pages. */
export async function lessonPlanPdf(meta: DocMeta, setting: ClassSetting, plan: LessonPlanSpec): Promise<Uint8Array> {
  const w = await DocWriter.create(meta);
  w.titleBlock(
    `Lesson Plan: ${plan.title}`,
    `${setting.subject} \u00b7 ${setting.grade} \u00b7 ${setting.classLabel}`,
    [
      ['Unit', plan.unit],
      ['Date', plan.date],
      ['Length', plan.duration],
      ['School', setting.school],
      ['Standards', plan.standards.join('; ')],
    ],
  );

  w.heading('Learning objective');
  w.paragraph(`Objective: ${plan.objective}`);
  w.heading('Success criteria (shared with students)', 2);
  w.bullets(plan.successCriteria.map((c) => `I can ${c}`));
  w.heading('Prior knowledge and readiness', 2);
  w.paragraph(plan.priorKnowledge);
  w.heading('Materials', 2);
  w.bullets(plan.materials);

  w.heading('Lesson sequence');
  w.table(
    [
      { title: 'Time', width: 0.12 },
      { title: 'Phase', width: 0.18 },
      { title: 'Teacher and students', width: 0.7 },
    ],
    plan.sequence.map((s) => [s.time, s.phase, s.activity]),
  );

  w.heading('Planned checks for understanding');
  w.table(
    [
      { title: 'When', width: 0.18 },
      { title: 'Technique', width: 0.32 },
      { title: 'What I am looking for', width: 0.5 },
    ],
    plan.checks.map((c) => [c.when, c.technique, c.lookFor]),
  );

  w.heading('Differentiation and supports');
  w.bullets(plan.differentiation);

  w.heading(plan.assessment.title);
  plan.assessment.items.forEach((item, i) => w.paragraph(`${i + 1}. ${item}`, { indent: 12, after: 4 }));

  for (const section of plan.extraSections ?? []) w.section(section);
  return w.save();
}
