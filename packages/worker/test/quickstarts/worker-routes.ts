// The "Programmatic sandbox route" example of the @nimbus-sh/worker README, verbatim but
// for the import of createNimbusHandler the snippet leaves implicit.
import { createNimbusHandler } from '@nimbus-sh/sdk/worker';
import { Nimbus } from '@nimbus-sh/sdk';

export const pythonRoute = createNimbusHandler({
routes: async (req, env) => {
const url = new URL(req.url);
if (url.pathname === '/api/run-python') {
const nimbus = Nimbus.fromEnv(env, {
endpoint: url.origin,
sandboxes: {
default: {
root: '/home/user',
runtimes: { preinstall: ['python'], onDemand: true },
},
},
});
const box = nimbus.sandbox('api-job-1', { tenant: 'api', subject: 'python' });
const result = await box.runCode('print(2 + 2)', {
language: 'python',
install: 'ifMissing',
});
return Response.json(result);
}
return null;
},
});
