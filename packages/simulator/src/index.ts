/**
 * @civic-elements/simulator — makes the demo move by itself: calls tickets, answers chats and
 * advances cases through the staff API of any Civic Elements back end (msw mock or reference
 * server), using only `fetch`.
 *
 * ```ts
 * import { createSimulator } from '@civic-elements/simulator';
 * const sim = createSimulator({ baseUrl: '/api', staffKey: 'musterstadt-staff-demo-key', speed: 5 });
 * sim.start();
 * // … later
 * await sim.stop();
 * ```
 */
export { createSimulator, systemClock, type Simulator, type SimulatorClock, type SimulatorFeatures, type SimulatorOptions, type SimulatorStats } from './simulator.js';
export { worldFromSeed, DEFAULT_MOVING_CASES, type SimulatorWorld, type WorldCase, type WorldChat, type WorldOffice, type WorldQueue, type WorldOptions } from './world.js';
export { casePlan, initialStage, SIM_ACTION_ID, type CaseStage } from './case-plans.js';
export { replyTo, normalise, REPLY_RULES, type Reply, type ReplyRule } from './replies.js';
export { createRandom, type Random } from './random.js';
export { ApiError, ROUTES, createClient, operationUrl, type ArgsOf, type Client, type ClientOptions, type OperationId, type ResultOf } from './client.js';
export { langOf, type Lang } from './texts.js';
