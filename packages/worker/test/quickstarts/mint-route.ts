// The "Custom routes" token-mint example of the @nimbus-sh/worker README, verbatim but for
// the import of createNimbusHandler the snippet leaves implicit. It runs as written; type
// checking is off for this file only because under @cloudflare/workers-types `req.json()` is
// `Promise<unknown>`, so the snippet's destructuring does not type-check as published.
// @ts-nocheck
import { createNimbusHandler } from '@nimbus-sh/sdk/worker';
import { issueNimbusToken } from '@nimbus-sh/sdk/token';

export default createNimbusHandler({
routes: async (req, env) => {
if (new URL(req.url).pathname === '/api/auth/mint' && req.method === 'POST') {
const { tenant, sub } = await req.json();
const token = await issueNimbusToken(env, { tn: tenant, sub });
return Response.json({ token });
}
return null;
},
});
