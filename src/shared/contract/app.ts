import { z } from 'zod';

/** The app itself: which version runs and over which carrier the bridge travels. */
export const APP_CHANNELS = {
  'app.info': {
    input: z.strictObject({}),
    output: z.strictObject({ version: z.string(), transport: z.enum(['ipc', 'http']) }),
  },
} as const;
