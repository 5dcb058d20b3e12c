/**
 * What one attempt of an operation came to: the operation's result, or an error that may heal
 * if the request is sent again (after `waitMs` at least, when the service asked for a wait).
 * Errors that cannot heal are thrown, not returned.
 */
export type Attempt<T> = { readonly done: T } | { readonly retry: Error; readonly waitMs?: number };
