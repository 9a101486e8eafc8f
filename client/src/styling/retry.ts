// The styling and timeline queries are read-only and idempotent: a query stopped by the server's time
// limit (a busy database, a cold cache) is asked again a couple of times before the panel gives up.
import { ApiError, gql } from '../api.js';

export async function gqlRetrying<T>(query: string, variables: Record<string, unknown> = {}, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await gql<T>(query, variables);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'QUERY_TIMEOUT') || i >= attempts) throw err;
    }
  }
}
