import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';

export const ASSESSOR_ID_KEY = 'assessorId';
export const DEFAULT_ASSESSOR_ID = 'assessor';

/** The assessor identity recorded on submitted reviews (set in the queue; the hub will supply it). */
export function useAssessorId(): string {
  const setting = useLiveQuery(() => db.settings.get(ASSESSOR_ID_KEY), []);
  const value = setting?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_ASSESSOR_ID;
}
