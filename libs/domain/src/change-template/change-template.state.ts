import type { ChangeTemplateContent, ChangeTemplateEvent } from '#events';

/** A standard change template at its current version. */
export type ChangeTemplate = ChangeTemplateContent & {
  readonly templateId: string;
  readonly tenant: string;
  readonly number: string;
  /** 1 when created, one more with each revision. */
  readonly version: number;
  readonly createdAt: string;
  readonly revisedAt: string | null;
  readonly retired: { readonly reason: string; readonly at: string } | null;
};

/** Null until created. */
export type ChangeTemplateState = ChangeTemplate | null;

export const initialChangeTemplateState: ChangeTemplateState = null;

export function evolveChangeTemplate(state: ChangeTemplateState, event: ChangeTemplateEvent): ChangeTemplateState {
  if (state === null) {
    if (event.type !== 'ChangeTemplateCreated') return state;
    const { at, ...fields } = event.data;
    return { ...fields, version: 1, createdAt: at, revisedAt: null, retired: null };
  }
  switch (event.type) {
    case 'ChangeTemplateCreated':
      return state;
    case 'ChangeTemplateRevised': {
      const { at, ...content } = event.data;
      return { ...state, ...content, revisedAt: at };
    }
    case 'ChangeTemplateRetired':
      return { ...state, retired: event.data };
  }
}
