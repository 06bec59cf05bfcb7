import type { z } from 'zod';

/** One thing wrong with an input, located by a readable path such as "evidence[2].sha256". */
export interface Problem {
  path: string;
  message: string;
}

/** Renders a zod issue path the way a person reads it: evidence[2].sha256. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Turns zod issues into plain-language problems, prefixed with where they were found. */
export function problemsFromZod(error: z.ZodError, prefix = ''): Problem[] {
  return error.issues.map((issue) => {
    const located = formatPath(issue.path);
    const path = prefix && located ? `${prefix}.${located}` : prefix || located || '(root)';
    return { path, message: plainMessage(issue) };
  });
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `has unexpected field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required but missing';
  return issue.message;
}
