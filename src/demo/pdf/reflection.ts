import type { ClassSetting, ReflectionSpec } from '../spec';
import { DocWriter, type DocMeta } from './layout';

/** The candidate's written reflection: headed sections of prose, usually two pages or more. */
export async function reflectionPdf(meta: DocMeta, setting: ClassSetting, spec: ReflectionSpec): Promise<Uint8Array> {
  const w = await DocWriter.create(meta);
  w.titleBlock(spec.title, `${setting.subject} \u00b7 ${setting.grade} \u00b7 ${setting.classLabel}`, [
    ['School', setting.school],
    ['Lessons', setting.dates],
  ]);
  for (const section of spec.sections) w.section(section);
  return w.save();
}
