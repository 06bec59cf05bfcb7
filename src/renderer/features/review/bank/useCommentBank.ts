import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { Rubric } from '../../../../shared/domain/rubric';
import { adoptOldBankLists, myBankEntries } from '../../../data/comment-bank';
import { bankEntries, type BankEntry } from './bank-model';

/**
 * The comment bank for a rubric, live: the assessor's entries (this workspace's database) beside
 * the rubric's. `undefined` while the first read is under way.
 */
export function useCommentBank(rubric: Rubric): BankEntry[] | undefined {
  // A live query may not write, so lists kept by earlier versions move in beforehand.
  useEffect(() => void adoptOldBankLists(rubric.id), [rubric.id]);
  const mine = useLiveQuery(() => myBankEntries(rubric.id), [rubric.id]);
  return useMemo(() => (mine ? bankEntries(rubric, mine) : undefined), [rubric, mine]);
}
