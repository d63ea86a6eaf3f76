/**
 * `@nimbus-sh/sdk/session`: links that open a session in the browser with a token.
 * `sessionAttachUrl` builds `<endpoint>/s/<id>/?nimbus_token=…`; `mintAndAttach` mints a
 * token pinned to that session and returns it with the link.
 */
export { TOKEN_QUERY_PARAM, mintAndAttach, sessionAttachUrl, type MintAndAttachOptions } from '@nimbus-sh/worker/auth'
