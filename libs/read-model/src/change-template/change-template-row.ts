import type { ChangeTemplate } from '#domain';
import type { RecordRow } from '../record-read-model.js';

/** A row of the `change_templates` table: the template at its current version, as the API reads it. */
export interface ChangeTemplateRow extends RecordRow {
  readonly updatedAt: string;
  readonly detail: { readonly template: ChangeTemplate };
}
