export { SseParser, readEventStream, type SseEvent, type SseHandlers } from './sse-parser.js';
export {
  RealtimeController,
  type RealtimeState,
  type RealtimeOptions,
  type RealtimeBackoff,
  type RealtimeClock,
} from './realtime-controller.js';
