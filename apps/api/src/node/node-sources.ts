import { IncidentModule } from '../incident/incident.module.js';
import { IncidentQueriesResolver } from '../incident/graphql/incident-queries.resolver.js';
import { IncidentModel } from '../incident/graphql/incident.type.js';
import { INCIDENT_READERS } from '../incident/incident-roles.js';
import { ChangeModule } from '../change/change.module.js';
import { CHANGE_READERS } from '../change/change-roles.js';
import { ChangeQueriesResolver } from '../change/graphql/change-queries.resolver.js';
import { ChangeModel } from '../change/graphql/change.type.js';
import { ChangeTemplateQueriesResolver } from '../change/template/change-template.graphql.js';
import { ChangeTemplateModel } from '../change/template/change-template.type.js';
import { ProblemQueriesResolver } from '../problem/graphql/problem-queries.resolver.js';
import { ProblemModel } from '../problem/graphql/problem.type.js';
import { PROBLEM_READERS } from '../problem/problem-roles.js';
import { ProblemModule } from '../problem/problem.module.js';
import type { NodeSource } from './node-source.js';

/**
 * Every record type `node(id)` knows, one line each. Record ids are UUIDs, unique across types,
 * so an id is found in at most one of them.
 */
export const NODE_SOURCES: readonly NodeSource[] = [
  { type: IncidentModel, readers: INCIDENT_READERS, module: IncidentModule, finder: IncidentQueriesResolver },
  { type: ChangeModel, readers: CHANGE_READERS, module: ChangeModule, finder: ChangeQueriesResolver },
  { type: ChangeTemplateModel, readers: CHANGE_READERS, module: ChangeModule, finder: ChangeTemplateQueriesResolver },
  { type: ProblemModel, readers: PROBLEM_READERS, module: ProblemModule, finder: ProblemQueriesResolver },
];
