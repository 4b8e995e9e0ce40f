// `npm run worker`: the jobs worker with the product's queues (jobs/registry.ts).
import { productQueues } from './registry.ts';
import { runWorkerProcess } from './process.ts';

await runWorkerProcess(productQueues);
