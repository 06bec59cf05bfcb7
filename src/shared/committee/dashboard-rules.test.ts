import { describe, expect, it } from 'vitest';
import { atRiskReasons, daysUntil, packetDaysLeft, packetState, type PacketFacts } from './dashboard-rules';

const facts = (assigned: number, submitted: number, openAdjudication = false): PacketFacts => ({
  assigned,
  submitted,
  openAdjudication,
});

describe('packetState', () => {
  it.each([
    [facts(1, 0), 'assigned'],
    [facts(2, 0), 'assigned'],
    [facts(1, 1), 'scored-once'],
    [facts(2, 1), 'scored-once'],
    [facts(2, 2), 'double-scored'],
    [facts(2, 2, true), 'in-adjudication'],
    [{ ...facts(2, 2), decided: true }, 'decided'],
    [{ ...facts(1, 1), decided: true, released: true }, 'released'],
  ] as const)('%o → %s', (input, state) => expect(packetState(input)).toBe(state));
});

describe('atRiskReasons', () => {
  it.each([
    // facts, days to close, days to decisions, reasons
    [facts(1, 0), 2.9, 20, ['scoring-due']],
    [facts(1, 0), 3, 20, []],
    [facts(2, 1), -1, 20, ['scoring-due']],
    [facts(2, 2), 1, 20, []],
    [facts(2, 2, true), 10, 6.9, ['adjudication-due']],
    [facts(2, 2, true), 10, 7, []],
    [facts(3, 2, true), 1, 2, ['scoring-due', 'adjudication-due']],
    // A decided packet has met its deadlines, however late it is.
    [{ ...facts(2, 2), decided: true }, -1, -1, []],
  ] as const)('%o with %d / %d days → %o', (input, close, decisions, reasons) =>
    expect(atRiskReasons(input, close, decisions)).toEqual(reasons),
  );
});

describe('days left', () => {
  it('counts to closing while scoring is incomplete, to decisions after', () => {
    expect(packetDaysLeft(facts(2, 1), 2, 9)).toBe(2);
    expect(packetDaysLeft(facts(2, 2), 2, 9)).toBe(9);
  });
  it('rounds to one decimal and goes negative once past', () => {
    expect(daysUntil(1.25 * 86_400_000, 0)).toBe(1.3);
    expect(daysUntil(0, 2 * 86_400_000)).toBe(-2);
  });
});
