// The "Programmatic sandbox quickstart" of the @nimbus-sh/sdk README, verbatim.
import { Nimbus } from '@nimbus-sh/sdk/sandbox';
import { defineNimbusConfig } from '@nimbus-sh/config';
const nimbusConfig = defineNimbusConfig({
endpoint: 'https://my-nimbus.workers.dev',
sandboxes: {
proteus: {
root: '/home/user',
tools: { namespace: 'sandbox', kind: 'sandbox' },
runtimes: {
preinstall: ['python', 'clang'],
onDemand: true,
allow: ['node', 'bun', 'npm', 'git', 'python', 'ruby', 'clang', 'shell'],
},
},
},
});
export default {
async fetch(_request: Request, env: Env) {
const box = Nimbus.fromEnv(env, nimbusConfig).sandbox('job-123', {
profile: 'proteus',
tenant: 'acme',
subject: 'agent',
});
await box.files.write('/home/user/app/main.py', 'print(2 + 2)\n');
await box.runtimes.ensure('python');
const result = await box.exec('python /home/user/app/main.py');
return Response.json(result);
},
};
