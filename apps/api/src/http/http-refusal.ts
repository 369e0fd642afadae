/** A request refused at the HTTP edge, before GraphQL runs. */
export interface HttpRefusal {
  readonly status: number;
  /** `extensions.code`, as in every other error the API answers with. */
  readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'HEADERS_TOO_LARGE' | 'REQUEST_TIMEOUT' | 'INTERNAL_SERVER_ERROR';
  readonly message: string;
}

/** The body of a refusal: a GraphQL response with one error and no `data`, as any other refusal. */
export function httpRefusalBody({ code, message }: HttpRefusal): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}
