import { describe, expect, it } from '@jest/globals';
import type { ChangeEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import {
  approved,
  at,
  authority,
  authorized,
  cabRound,
  canceled,
  changeCommand,
  changeEvent,
  changeHistoryIn,
  rejected,
  requested,
  riskAssessed,
  submitted,
} from '../testing/change-fixtures.js';
import type { ChangeCommand } from './change.commands.js';
import { changeDecider } from './change.decider.js';
import type { Change } from './change.state.js';

type Case = DeciderCase<ChangeCommand, ChangeEvent>;

const approve = (approverId: string, isChangeManager = false, minutes = 100) =>
  changeCommand('ApproveChange', { approverId, isChangeManager, comment: null }, minutes);
const reject = (approverId: string, isChangeManager = false) =>
  changeCommand('RejectChange', { approverId, isChangeManager, reason: 'Back-out untested' });

const normalAuthorize = changeHistoryIn.NORMAL.AUTHORIZE ?? [];
const emergencyAuthorize = changeHistoryIn.EMERGENCY.AUTHORIZE ?? [];
const highRiskRound = changeEvent('ChangeApprovalRequested', {
  round: 1,
  approvals: [
    { kind: 'CAB_MEMBER', subject: 'cab-1' },
    { kind: 'CAB_MEMBER', subject: 'cab-2' },
    { kind: 'CHANGE_MANAGER', subject: null },
  ],
  at: at(2),
});
const highRiskAuthorize = [requested('NORMAL'), submitted(), riskAssessed('HIGH'), highRiskRound];
const changeManagerApproval = (approverId: string, minutes = 100) =>
  changeEvent('ChangeApproved', { round: 1, approverId, asChangeManager: true, comment: null, at: at(minutes) });

const cases: Case[] = [
  {
    name: 'entering AUTHORIZE asks the CAB for a NORMAL change',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: changeCommand('AssessChangeRisk', { risk: 'MODERATE', impact: 2, authority }, 2),
    then: thenEvents(riskAssessed('MODERATE'), cabRound()),
  },
  {
    name: 'a HIGH-risk assessment also asks for a change manager',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: changeCommand('AssessChangeRisk', { risk: 'HIGH', authority }, 2),
    then: thenEvents(riskAssessed('HIGH'), highRiskRound),
  },
  {
    name: 'submitting an EMERGENCY change asks the emergency approvers, not the CAB',
    given: [requested('EMERGENCY')],
    when: changeCommand('SubmitChange', { authority }, 1),
    then: thenEvents(submitted(), changeHistoryIn.EMERGENCY.AUTHORIZE?.at(-1) as ChangeEvent),
  },
  {
    name: 'a HIGH-risk EMERGENCY change needs a change manager too',
    given: [changeEvent('ChangeRequested', { ...requested('EMERGENCY').data, risk: 'HIGH' })],
    when: changeCommand('SubmitChange', { authority: { cabMembers: [], emergencyApprovers: ['ecab-2'] } }, 1),
    then: thenEvents(
      submitted(),
      changeEvent('ChangeApprovalRequested', {
        round: 1,
        approvals: [
          { kind: 'EMERGENCY_APPROVER', subject: 'ecab-2' },
          { kind: 'CHANGE_MANAGER', subject: null },
        ],
        at: at(1),
      }),
    ),
  },
  {
    name: 'refuses to enter AUTHORIZE when the authority names nobody to ask',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: changeCommand('AssessChangeRisk', { risk: 'LOW', authority: { cabMembers: [], emergencyApprovers: ['ecab-2'] } }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'one approval of two leaves the change in AUTHORIZE',
    given: normalAuthorize,
    when: approve('cab-2'),
    then: thenEvents(approved('cab-2', 100)),
  },
  {
    name: 'the last approval authorises: AUTHORIZE -> SCHEDULED',
    given: [...normalAuthorize, approved('cab-1', 3)],
    when: approve('cab-2'),
    then: thenEvents(approved('cab-2', 100), authorized(100)),
  },
  {
    name: 'keeps the approver\'s comment',
    given: normalAuthorize,
    when: changeCommand('ApproveChange', { approverId: 'cab-1', isChangeManager: false, comment: 'Fine after 20:00' }),
    then: thenEvents(changeEvent('ChangeApproved', { round: 1, approverId: 'cab-1', asChangeManager: false, comment: 'Fine after 20:00', at: at(100) })),
  },
  {
    name: 'double approval: an approver acts once per round',
    given: [...normalAuthorize, approved('cab-1', 3)],
    when: approve('cab-1'),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'an approver who rejected cannot approve in the same round (it is over)',
    given: [...normalAuthorize, rejected('cab-1', 3)],
    when: approve('cab-1'),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'unnamed approver: FORBIDDEN',
    given: normalAuthorize,
    when: approve('stranger'),
    then: thenRefused('FORBIDDEN'),
  },
  {
    name: 'an emergency approver is not asked in a CAB round',
    given: normalAuthorize,
    when: approve('ecab-2'),
    then: thenRefused('FORBIDDEN'),
  },
  {
    name: 'a CAB member who is no emergency approver is not asked in an emergency round',
    given: emergencyAuthorize,
    when: reject('cab-2'),
    then: thenRefused('FORBIDDEN'),
  },
  {
    name: 'a change manager may not act in a round that asks no change manager',
    given: normalAuthorize,
    when: approve('cm-1', true),
    then: thenRefused('FORBIDDEN'),
  },
  {
    name: 'HIGH risk: both CAB members approving is not enough',
    given: [...highRiskAuthorize, approved('cab-1', 3)],
    when: approve('cab-2'),
    then: thenEvents(approved('cab-2', 100)),
  },
  {
    name: 'HIGH risk: the change manager\'s approval completes the round',
    given: [...highRiskAuthorize, approved('cab-1', 3), approved('cab-2', 4)],
    when: approve('cm-1', true),
    then: thenEvents(changeManagerApproval('cm-1'), authorized(100)),
  },
  {
    name: 'HIGH risk: a CAB member who is a change manager gives both approvals at once',
    given: [...highRiskAuthorize, approved('cab-2', 3)],
    when: approve('cab-1', true),
    then: thenEvents(changeManagerApproval('cab-1'), authorized(100)),
  },
  {
    name: 'HIGH risk: a second change manager is not asked once one has approved',
    given: [...highRiskAuthorize, changeManagerApproval('cm-1', 3)],
    when: approve('cm-2', true),
    then: thenRefused('FORBIDDEN'),
  },
  {
    name: 'HIGH risk: a change manager may reject',
    given: highRiskAuthorize,
    when: reject('cm-1', true),
    then: thenEvents(changeEvent('ChangeRejected', { round: 1, approverId: 'cm-1', asChangeManager: true, reason: 'Back-out untested', at: at(100) })),
  },
  {
    name: 'one rejection rejects, even after other approvals',
    given: [...normalAuthorize, approved('cab-1', 3)],
    when: reject('cab-2'),
    then: thenEvents(changeEvent('ChangeRejected', { round: 1, approverId: 'cab-2', asChangeManager: false, reason: 'Back-out untested', at: at(100) })),
  },
  {
    name: 'a rejection needs a reason',
    given: normalAuthorize,
    when: changeCommand('RejectChange', { approverId: 'cab-1', isChangeManager: false, reason: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
  {
    name: 'the round\'s approvers are fixed: a CAB member added since is not asked',
    given: normalAuthorize,
    when: approve('cab-3'),
    then: thenRefused('FORBIDDEN'),
  },
];

describe('change approvals', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeDecider, given, when)).toEqual(then);
  });

  describe('reject, then approve in a new round', () => {
    const newAuthority = { cabMembers: ['cab-1', 'cab-3'], emergencyApprovers: [] };
    const roundTwo = changeEvent('ChangeApprovalRequested', {
      round: 2,
      approvals: [
        { kind: 'CAB_MEMBER', subject: 'cab-1' },
        { kind: 'CAB_MEMBER', subject: 'cab-3' },
      ],
      at: at(12),
    });
    const rejectedOnce = [...normalAuthorize, approved('cab-1', 3), rejected('cab-2', 4)];
    const inRoundTwo = [...rejectedOnce, submitted(10), changeEvent('ChangeRiskAssessed', { risk: 'MODERATE', impact: 2, at: at(12) }), roundTwo];

    it('the rejection sends the change back to NEW with the reason', () => {
      const change = foldEvents(changeDecider, rejectedOnce) as Change;
      expect(change.status).toBe('NEW');
      expect(change.rejection).toEqual({ reason: 'No back-out tested', at: at(4), round: 1, approverId: 'cab-2' });
    });

    it('resubmitting goes through ASSESS again and asks the authority of that moment', () => {
      const resubmitted = [...rejectedOnce, submitted(10)];
      expect(decideAfter(changeDecider, rejectedOnce, changeCommand('SubmitChange', { authority: newAuthority }, 10))).toEqual(thenEvents(submitted(10)));
      expect(
        decideAfter(changeDecider, resubmitted, changeCommand('AssessChangeRisk', { risk: 'MODERATE', authority: newAuthority }, 12)),
      ).toEqual(thenEvents(changeEvent('ChangeRiskAssessed', { risk: 'MODERATE', impact: 2, at: at(12) }), roundTwo));
    });

    it('the new round starts clean: who approved in round 1 approves again, who rejected is no longer asked', () => {
      expect(decideAfter(changeDecider, inRoundTwo, approve('cab-1'))).toEqual(thenEvents(approved('cab-1', 100, 2)));
      expect(decideAfter(changeDecider, inRoundTwo, approve('cab-2'))).toEqual(thenRefused('FORBIDDEN'));
      expect(decideAfter(changeDecider, [...inRoundTwo, approved('cab-1', 20, 2)], approve('cab-3'))).toEqual(
        thenEvents(approved('cab-3', 100, 2), authorized(100, 2)),
      );
    });

    it('the record keeps every round: who was asked, who answered what, when, how it ended', () => {
      const change = foldEvents(changeDecider, [...inRoundTwo, approved('cab-1', 20, 2), approved('cab-3', 21, 2), authorized(21, 2)]) as Change;
      expect(change.status).toBe('SCHEDULED');
      expect(change.approvalRounds).toEqual([
        {
          round: 1,
          requestedAt: at(2),
          approvals: cabRound().data.approvals,
          decisions: [
            { approverId: 'cab-1', decision: 'APPROVED', asChangeManager: false, comment: null, at: at(3) },
            { approverId: 'cab-2', decision: 'REJECTED', asChangeManager: false, comment: 'No back-out tested', at: at(4) },
          ],
          outcome: 'REJECTED',
          endedAt: at(4),
        },
        {
          round: 2,
          requestedAt: at(12),
          approvals: roundTwo.data.approvals,
          decisions: [
            { approverId: 'cab-1', decision: 'APPROVED', asChangeManager: false, comment: null, at: at(20) },
            { approverId: 'cab-3', decision: 'APPROVED', asChangeManager: false, comment: null, at: at(21) },
          ],
          outcome: 'APPROVED',
          endedAt: at(21),
        },
      ]);
    });
  });

  it('cancelling in AUTHORIZE ends the open round as CANCELED', () => {
    const change = foldEvents(changeDecider, [...normalAuthorize, canceled(5)]) as Change;
    expect(change.approvalRounds.map(({ outcome, endedAt }) => ({ outcome, endedAt }))).toEqual([{ outcome: 'CANCELED', endedAt: at(5) }]);
  });
});
