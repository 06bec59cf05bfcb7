import type { DemoPacketSpec } from '../spec';
import { j7740AnalyzingStudentWork } from './j7740-analyzing-student-work';
import { k4172ExitTickets } from './k4172-exit-tickets';
import { m5531CheckingUnderstanding } from './m5531-checking-understanding';
import { p3307AnalyzingStudentWork } from './p3307-analyzing-student-work';
import { r2098ExitTicketsResubmission } from './r2098-exit-tickets-resubmission';
import { t1186CheckingUnderstandingIncomplete } from './t1186-checking-understanding-incomplete';

/**
 * The demo set, in submission order: three credentials, two packets each. Between them they
 * cover a resubmission (R-2098), an incomplete packet (T-1186), WebM and MP4 video, an audio
 * memo (J-7740) and plain-text evidence.
 */
export const DEMO_PACKETS: readonly DemoPacketSpec[] = [
  k4172ExitTickets,
  m5531CheckingUnderstanding,
  r2098ExitTicketsResubmission,
  t1186CheckingUnderstandingIncomplete,
  j7740AnalyzingStudentWork,
  p3307AnalyzingStudentWork,
];
