import { requireText } from './input.guards.js';
import { refuseNoChangeOf, type NumberedRecord } from './state.guards.js';

/** A change that closed UNSUCCESSFUL while linked to a record, and when the record was flagged. */
export interface ChangeFollowUp {
  readonly changeId: string;
  readonly changeNumber: string;
  readonly at: string;
}

/**
 * The follow-up a record gets from a change that closed UNSUCCESSFUL: in any state, final ones
 * included (the flag asks people to look again, and a closed record may need reopening), once per
 * change (again: INVALID_TRANSITION, so a replaying process manager leaves it alone).
 */
export function newFollowUp(
  noun: string,
  record: NumberedRecord<string> & { readonly followUps: readonly ChangeFollowUp[] },
  data: { readonly changeId: string; readonly changeNumber: string },
  now: string,
): ChangeFollowUp {
  const changeId = requireText(data.changeId, 'changeId');
  const changeNumber = requireText(data.changeNumber, 'changeNumber');
  if (record.followUps.some((followUp) => followUp.changeId === changeId)) {
    refuseNoChangeOf(noun, record, `is already flagged for follow-up of change ${changeNumber}`);
  }
  return { changeId, changeNumber, at: now };
}
