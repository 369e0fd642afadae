/**
 * The heaviest read the default limits allow: a full page of 100 incidents with every field,
 * journal and timeline (cost 4,811 of 5,000). The isolation test and the benchmark send it as
 * the hostile tenant's load.
 */
export const HEAVIEST_ALLOWED_QUERY = `query Heaviest($first: Int!) {
  incidents(first: $first) {
    edges {
      node {
        id number title description state priority impact urgency category serviceId
        assignmentGroup assignee callerId openedAt updatedAt reopenCount major holdReason
        changeIds problemIds
        comments { at author text }
        workNotes { at author text }
        timeline { actor at event state }
        resolution { at code notes }
        sla { response { status dueAt breached } resolution { status dueAt breached } }
      }
    }
  }
}`;

export const HEAVIEST_ALLOWED_VARIABLES = { first: 100 };
