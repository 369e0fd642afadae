import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import { problemReadModel } from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import { IncidentModel } from '../../incident/graphql/incident.type.js';
import { PROBLEM_READERS } from '../problem-roles.js';
import { IncidentProblem } from './incident-problem.type.js';

/**
 * The incident's problem in the same request (no second round trip): read from the problem read
 * model when the incident is read, so its state and a known error's workaround are always the
 * problem's current ones. Those who may not read problems see none.
 */
@Resolver(() => IncidentModel)
export class IncidentProblemResolver {
  constructor(@Inject(READ_MODEL_POOL) private readonly pool: pg.Pool) {}

  @ResolveField(() => IncidentProblem, {
    nullable: true,
    description: 'The problem it is linked to, with the workaround once that is a known error; null when none, or not yours to see',
  })
  async problem(@Parent() incident: IncidentModel, @CurrentPrincipal() principal: Principal): Promise<IncidentProblem | null> {
    const problemId = incident.problemIds[0];
    if (problemId === undefined || !hasAnyRole(principal, PROBLEM_READERS)) return null;
    const row = await problemReadModel.find(this.pool, principal.tenant, problemId);
    if (!row) return null;
    return { id: row.id, number: row.number, state: row.state, knownError: row.knownError, workaround: row.knownError ? row.workaround : null };
  }
}
